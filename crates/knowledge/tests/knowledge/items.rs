//! Adding, listing, changing and deleting items; bad input and limits.

use mimi_domain::Error;
use mimi_knowledge::{self as knowledge, ItemKind, ItemPatch, Limits, ListFilter, NewFaq, Status};

use crate::{Env, faq, page};

#[tokio::test]
async fn an_added_faq_is_queued_for_indexing_and_listed() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let item = knowledge::add_faq(
        &env.pool,
        &owner,
        app,
        &NewFaq {
            link: Some("https://bikes.example/hours".into()),
            ..faq("  When are you open?  ", "Nine to six, Tuesday to Sunday.")
        },
        &env.limits,
    )
    .await
    .unwrap();
    assert_eq!(item.kind, ItemKind::Faq);
    assert_eq!(item.title, "When are you open?");
    assert_eq!(item.status, Status::Queued);
    assert_eq!(item.link.as_deref(), Some("https://bikes.example/hours"));
    assert_eq!(env.count("knowledge_jobs").await, 1);

    let p = knowledge::add_page(
        &env.pool,
        &owner,
        app,
        &page("Repairs", "# Repairs\n\nWe fix bikes."),
        &env.limits,
    )
    .await
    .unwrap();
    let listed = knowledge::list(&env.pool, &owner, app, ListFilter::default())
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|i| i.id).collect::<Vec<_>>(),
        [p.id, item.id]
    );
    assert!(
        listed.iter().all(|i| i.body.is_none()),
        "lists leave bodies out"
    );
    let faqs = knowledge::list(
        &env.pool,
        &owner,
        app,
        ListFilter {
            kind: Some(ItemKind::Faq),
            status: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(faqs.len(), 1);
    let got = knowledge::get(&env.pool, &owner, p.id).await.unwrap();
    assert_eq!(got.body.as_deref(), Some("# Repairs\n\nWe fix bikes."));
}

#[tokio::test]
async fn bad_items_get_a_clear_error_and_nothing_is_written() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let cases: Vec<(NewFaq, &str, &str)> = vec![
        (faq("  ", "answer"), "question_required", "question"),
        (faq("q", ""), "answer_required", "answer"),
        (faq(&"q".repeat(1001), "a"), "question_too_long", "question"),
        (faq("q\u{7}", "a"), "question_invalid", "question"),
        (
            NewFaq {
                link: Some("javascript:alert(1)".into()),
                ..faq("q", "a")
            },
            "link_scheme",
            "link",
        ),
        (
            NewFaq {
                link: Some("not a url".into()),
                ..faq("q", "a")
            },
            "link_invalid",
            "link",
        ),
    ];
    for (input, code, field) in cases {
        let err = knowledge::add_faq(&env.pool, &owner, app, &input, &env.limits)
            .await
            .unwrap_err();
        assert_eq!((err.code(), err.field()), (code, Some(field)), "{input:?}");
    }
    let err = knowledge::add_page(&env.pool, &owner, app, &page("", "body"), &env.limits)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "title_required");
    assert_eq!(env.count("knowledge_items").await, 0);
    assert_eq!(env.count("knowledge_jobs").await, 0);
}

#[tokio::test]
async fn a_bulk_import_is_all_or_nothing_and_names_the_bad_row() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let rows = vec![faq("q1", "a1"), faq("q2", ""), faq("q3", "a3")];
    let err = knowledge::add_faqs(&env.pool, &owner, app, &rows, &env.limits)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "answer_required");
    assert!(err.to_string().starts_with("row 2: "), "{err}");
    assert_eq!(env.count("knowledge_items").await, 0);
    let ok = knowledge::add_faqs(&env.pool, &owner, app, &rows[..1], &env.limits)
        .await
        .unwrap();
    assert_eq!(ok.len(), 1);
}

#[tokio::test]
async fn limits_refuse_items_and_characters_beyond_the_plan() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let limits = Limits {
        items_per_app: 2,
        chars_per_app: 40,
        ..Limits::default()
    };
    let two = vec![faq("q1", "a1"), faq("q2", "a2")];
    knowledge::add_faqs(&env.pool, &owner, app, &two, &limits)
        .await
        .unwrap();
    let err = knowledge::add_faq(&env.pool, &owner, app, &faq("q3", "a3"), &limits)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "item_limit_reached");
    assert!(matches!(err, Error::Conflict { .. }));
    assert!(err.to_string().contains("at most 2"), "{err}");

    let other = env.app(&owner, "cafe").await;
    let err = knowledge::add_faq(
        &env.pool,
        &owner,
        other,
        &faq("q", &"a".repeat(40)),
        &limits,
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "character_limit_reached");
    // Growing an item past the limit is refused too, and leaves it as it was.
    let item = knowledge::add_faq(&env.pool, &owner, other, &faq("q", "short"), &limits)
        .await
        .unwrap();
    let patch = ItemPatch {
        answer: Some("b".repeat(60)),
        ..ItemPatch::default()
    };
    let err = knowledge::update(&env.pool, &owner, item.id, &patch, &limits)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "character_limit_reached");
    let kept = knowledge::get(&env.pool, &owner, item.id).await.unwrap();
    assert_eq!(kept.body.as_deref(), Some("short"));
    assert_eq!(env.count("knowledge_items").await, 3);
}

#[tokio::test]
async fn editing_an_item_bumps_it_back_to_the_queue_and_refuses_fields_it_lacks() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let item = knowledge::add_faq(&env.pool, &owner, app, &faq("q", "a"), &env.limits)
        .await
        .unwrap();
    let patch = ItemPatch {
        answer: Some("better".into()),
        link: Some(Some("https://x.example".into())),
        ..ItemPatch::default()
    };
    let edited = knowledge::update(&env.pool, &owner, item.id, &patch, &env.limits)
        .await
        .unwrap();
    assert_eq!(edited.body.as_deref(), Some("better"));
    assert_eq!(edited.link.as_deref(), Some("https://x.example/"));
    let revision: i32 =
        sqlx::query_scalar("select revision from knowledge_jobs where item_id = $1")
            .bind(item.id)
            .fetch_one(&env.db.pool)
            .await
            .unwrap();
    assert_eq!(revision, 2);
    let removal = ItemPatch {
        link: Some(None),
        ..ItemPatch::default()
    };
    let edited = knowledge::update(&env.pool, &owner, item.id, &removal, &env.limits)
        .await
        .unwrap();
    assert_eq!(edited.link, None);

    for (patch, field) in [
        (
            ItemPatch {
                title: Some("t".into()),
                ..ItemPatch::default()
            },
            "title",
        ),
        (
            ItemPatch {
                body: Some("b".into()),
                ..ItemPatch::default()
            },
            "body",
        ),
    ] {
        let err = knowledge::update(&env.pool, &owner, item.id, &patch, &env.limits)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("field_not_applicable", Some(field))
        );
    }
    let p = knowledge::add_page(&env.pool, &owner, app, &page("t", "b"), &env.limits)
        .await
        .unwrap();
    let err = knowledge::update(
        &env.pool,
        &owner,
        p.id,
        &ItemPatch {
            answer: Some("x".into()),
            ..ItemPatch::default()
        },
        &env.limits,
    )
    .await
    .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("field_not_applicable", Some("answer"))
    );
}

#[tokio::test]
async fn deleting_an_item_removes_its_job() {
    let env = Env::new().await;
    let owner = env.workspace("ann").await;
    let app = env.app(&owner, "bikes").await;
    let item = knowledge::add_faq(&env.pool, &owner, app, &faq("q", "a"), &env.limits)
        .await
        .unwrap();
    knowledge::delete(&env.pool, &owner, item.id).await.unwrap();
    assert_eq!(env.count("knowledge_items").await, 0);
    assert_eq!(env.count("knowledge_jobs").await, 0);
    let err = knowledge::delete(&env.pool, &owner, item.id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound));
}
