//! Rate limits in `throttle_events`: several limits taken in one statement, counted only
//! when all of them allow the event.

use std::time::Duration;

use mimi_store::throttle::{self, Limit};
use mimi_testkit::TestDb;

async fn rows(db: &TestDb) -> i64 {
    sqlx::query_scalar("select count(*) from throttle_events")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_event_is_counted_against_every_limit_only_when_all_allow_it() {
    let db = TestDb::new().await;
    let mut conn = db.pool.acquire().await.unwrap();
    let key = throttle::address_key(&[3; 32], "visitor", "192.0.2.7".parse().unwrap());
    assert_eq!(key.len(), 32, "a keyed hash, not the address");
    let conversation = [1u8; 16];
    let minute = Duration::from_secs(60);
    let hour = Duration::from_secs(3600);
    let limits = [
        Limit {
            scope: "conversation_message",
            key: &conversation,
            limit: 2,
            window: minute,
        },
        Limit {
            scope: "visitor_message",
            key: &key,
            limit: 5,
            window: hour,
        },
    ];
    assert_eq!(throttle::take(&mut conn, &limits).await.unwrap(), 0);
    assert_eq!(throttle::take(&mut conn, &limits).await.unwrap(), 0);
    assert_eq!(rows(&db).await, 4, "two events, each under both limits");

    // The tighter limit refuses, with how long until its oldest event leaves the window,
    // and the refused event counts against neither.
    let wait = throttle::take(&mut conn, &limits).await.unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(rows(&db).await, 4);
    let address_alone = &limits[1..];
    assert_eq!(
        throttle::wait(&mut conn, &address_alone[0]).await.unwrap(),
        0
    );

    // A limit of zero allows nothing for its whole window.
    let closed = [Limit {
        limit: 0,
        ..limits[1]
    }];
    assert_eq!(throttle::take(&mut conn, &closed).await.unwrap(), 3600);
    assert_eq!(throttle::take(&mut conn, &[]).await.unwrap(), 0);
    assert_eq!(rows(&db).await, 4);

    // An IPv6 subscriber's /64 is one address; an IPv4-mapped address is its IPv4 one.
    let a = throttle::address_key(&[3; 32], "visitor", "2001:db8:1:2::1".parse().unwrap());
    let b = throttle::address_key(&[3; 32], "visitor", "2001:db8:1:2:ffff::9".parse().unwrap());
    let c = throttle::address_key(&[3; 32], "visitor", "2001:db8:1:3::1".parse().unwrap());
    assert_eq!(a, b);
    assert_ne!(a, c);
    let mapped = throttle::address_key(&[3; 32], "visitor", "::ffff:192.0.2.7".parse().unwrap());
    assert_eq!(mapped, key);
}
