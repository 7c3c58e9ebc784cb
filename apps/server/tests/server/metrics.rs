use mimi_testkit::TestDb;

#[tokio::test]
async fn metrics_count_requests_by_route_template_never_by_raw_path() {
    let db = TestDb::new().await;
    let app = crate::api::support::serve(&db).await;
    app.client
        .get(app.url("/readyz?token=s3cr3t"))
        .send()
        .await
        .unwrap();
    app.client
        .get(app.url("/no/such/page/visitor-42"))
        .send()
        .await
        .unwrap();

    let response = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    let body = response.text().await.unwrap();
    assert!(
        body.contains(r#"mimi_http_requests_total{method="GET",route="/readyz",status="200"} 1"#),
        "{body}"
    );
    assert!(
        body.contains(r#"route="unmatched",status="404"} 1"#),
        "{body}"
    );
    assert!(!body.contains("visitor-42") && !body.contains("s3cr3t"));
    assert!(body.contains("mimi_db_pool_connections"), "{body}");
}
