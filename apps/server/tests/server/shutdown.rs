use std::time::Duration;

use axum::Router;
use axum::routing::get;
use mimi_server::serve::serve;
use tokio::net::TcpListener;
use tokio::sync::{Mutex, oneshot};

/// A router whose one route answers only when the test releases it.
fn gated() -> (Router, oneshot::Sender<()>, oneshot::Receiver<()>) {
    let (release, gate) = oneshot::channel::<()>();
    let (entered_tx, entered) = oneshot::channel::<()>();
    let gate = std::sync::Arc::new(Mutex::new(Some((gate, entered_tx))));
    let router = Router::new().route(
        "/slow",
        get(move || {
            let gate = gate.clone();
            async move {
                let (gate, entered) = gate.lock().await.take().unwrap();
                entered.send(()).unwrap();
                gate.await.unwrap();
                "finished"
            }
        }),
    );
    (router, release, entered)
}

/// Serves `router` on port 0 until the returned sender fires; returns the `/slow` URL.
async fn spawn(
    router: Router,
    grace: Duration,
) -> (
    String,
    oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/slow", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let shutdown = async move {
        stopped.await.ok();
    };
    (
        url,
        stop,
        tokio::spawn(serve(listener, router, shutdown, grace)),
    )
}

#[tokio::test]
async fn an_in_flight_request_finishes_after_the_shutdown_signal() {
    let (router, release, entered) = gated();
    let (url, stop, server) = spawn(router, Duration::from_secs(60)).await;

    let request =
        tokio::spawn(async move { reqwest::get(url).await.unwrap().text().await.unwrap() });
    entered.await.unwrap();
    stop.send(()).unwrap();
    // The server is draining; the request is still being answered.
    tokio::task::yield_now().await;
    assert!(!server.is_finished());
    release.send(()).unwrap();

    assert_eq!(request.await.unwrap(), "finished");
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn the_shutdown_timeout_cuts_a_request_that_never_ends() {
    let (router, _release_never, entered) = gated();
    let (url, stop, server) = spawn(router, Duration::from_millis(200)).await;
    let _request = tokio::spawn(async move { reqwest::get(url).await });
    entered.await.unwrap();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(30), server)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}
