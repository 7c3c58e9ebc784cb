//! Another workspace's knowledge is absent: 404 for every operation, nothing changed.

use mimi_domain::Error;
use mimi_knowledge::{self as knowledge, ItemPatch, ListFilter};

use crate::{Env, faq, page};

#[tokio::test]
async fn another_workspace_cannot_see_add_to_change_or_delete_an_apps_knowledge() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let stranger = env.workspace("eve").await;
    let app = env.app(&owner, "bikes").await;
    let item = knowledge::add_faq(&env.pool, &owner, app, &faq("q", "a"), &env.limits)
        .await
        .unwrap();

    let not_found = |r: Result<_, Error>| assert!(matches!(r, Err(Error::NotFound)));
    not_found(
        knowledge::list(&env.pool, &stranger, app, ListFilter::default())
            .await
            .map(|_| ()),
    );
    not_found(
        knowledge::get(&env.pool, &stranger, item.id)
            .await
            .map(|_| ()),
    );
    not_found(
        knowledge::add_faq(&env.pool, &stranger, app, &faq("q", "a"), &env.limits)
            .await
            .map(|_| ()),
    );
    not_found(
        knowledge::add_page(&env.pool, &stranger, app, &page("t", "b"), &env.limits)
            .await
            .map(|_| ()),
    );
    not_found(
        knowledge::add_faqs(&env.pool, &stranger, app, &[faq("q", "a")], &env.limits)
            .await
            .map(|_| ()),
    );
    let patch = ItemPatch {
        answer: Some("hacked".into()),
        ..ItemPatch::default()
    };
    not_found(
        knowledge::update(&env.pool, &stranger, item.id, &patch, &env.limits)
            .await
            .map(|_| ()),
    );
    not_found(
        knowledge::reindex(&env.pool, &stranger, item.id)
            .await
            .map(|_| ()),
    );
    not_found(knowledge::delete(&env.pool, &stranger, item.id).await);

    let kept = knowledge::get(&env.pool, &owner, item.id).await.unwrap();
    assert_eq!(kept.body.as_deref(), Some("a"));
    assert_eq!(env.count("knowledge_items").await, 1);
}
