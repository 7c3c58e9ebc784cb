//! Avatars and covers: what is refused, what is stripped, what is kept, and that a
//! failure leaves neither rows nor files.

use mimi_apps::{App, ImageKind};
use mimi_domain::{Error, Scope};
use uuid::Uuid;

use crate::fixtures::{self, contains};
use crate::{Env, new_app};

async fn app(env: &Env) -> (Scope, App) {
    let owner = env.workspace("alice").await;
    let app = mimi_apps::create(&env.pool, &owner, &new_app("sakura"))
        .await
        .unwrap();
    (owner, app)
}

/// Uploads `bytes` as the avatar and reads back what is served.
async fn upload(env: &Env, owner: &Scope, app: &App, bytes: &[u8]) -> (App, String, Vec<u8>) {
    let app = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        owner,
        app.id,
        ImageKind::Avatar,
        bytes,
    )
    .await
    .unwrap();
    let (content_type, served) = serve(env, &app.avatar_url.clone().unwrap()).await.unwrap();
    (app, content_type, served)
}

/// What `/media/{workspace}/{file}` would answer.
async fn serve(env: &Env, path: &str) -> Result<(String, Vec<u8>), Error> {
    let mut parts = path.strip_prefix("/media/").unwrap().split('/');
    let ws: Uuid = parts.next().unwrap().parse().unwrap();
    let file: Uuid = parts.next().unwrap().parse().unwrap();
    mimi_apps::read_image(&env.pool, &env.storage, ws, file).await
}

#[tokio::test]
async fn a_jpeg_loses_its_exif_gps_block_and_is_turned_upright() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    // Orientation 6: the camera was turned, the viewer must rotate 90° clockwise.
    let photo = fixtures::with_exif(&fixtures::jpeg(40, 20), 6);
    assert!(fixtures::jpeg_markers(&photo).contains(&0xe1));
    assert!(contains(&photo, &fixtures::latitude_bytes()));

    let (_, content_type, served) = upload(&env, &owner, &app, &photo).await;
    assert_eq!(content_type, "image/jpeg");
    let markers = fixtures::jpeg_markers(&served);
    assert!(
        !markers.iter().any(|m| (0xe1..=0xef).contains(m)),
        "{markers:x?}"
    );
    assert!(!contains(&served, b"Exif"));
    assert!(!contains(&served, &fixtures::latitude_bytes()));

    let upright = image::load_from_memory(&served).unwrap().to_rgb8();
    assert_eq!(upright.dimensions(), (20, 40));
    // The left (red) half of the sensor is the top of the upright picture.
    let (top, bottom) = (upright.get_pixel(10, 5), upright.get_pixel(10, 35));
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
    let (w, h): (i32, i32) = sqlx::query_as("select width, height from files")
        .fetch_one(&env.db.pool)
        .await
        .unwrap();
    assert_eq!((w, h), (20, 40));
}

#[tokio::test]
async fn a_png_loses_its_text_chunks_and_keeps_its_size() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let png = fixtures::with_chunk(
        &fixtures::png(33, 17),
        b"tEXt",
        b"Comment\0taken at 35.6581N 139.7017E",
    );
    let png = fixtures::with_chunk(&png, b"eXIf", b"MM\x00\x2a\x00\x00\x00\x08\x00\x00");
    assert!(fixtures::png_chunks(&png).contains(&"tEXt".to_owned()));
    // The image crate itself must read the doctored file, or the test proves nothing.
    image::load_from_memory(&png).unwrap();

    let (app, content_type, served) = upload(&env, &owner, &app, &png).await;
    assert_eq!(content_type, "image/png");
    assert_eq!(
        fixtures::png_chunks(&served).first().map(String::as_str),
        Some("IHDR")
    );
    for chunk in fixtures::png_chunks(&served) {
        assert!(
            ["IHDR", "IDAT", "IEND"].contains(&chunk.as_str()),
            "{chunk}"
        );
    }
    assert!(!contains(&served, b"139.7017"));
    assert_eq!(
        image::load_from_memory(&served).unwrap().to_rgb8(),
        fixtures::picture(33, 17)
    );
    assert!(app.avatar_url.is_some());
}

#[tokio::test]
async fn a_png_with_a_script_appended_comes_out_as_a_clean_png() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let mut polyglot = fixtures::png(10, 10);
    polyglot.extend_from_slice(b"<script>alert(document.cookie)</script>");

    let (_, content_type, served) = upload(&env, &owner, &app, &polyglot).await;
    assert_eq!(content_type, "image/png");
    assert!(!contains(&served, b"<script"));
    assert_eq!(&served[served.len() - 12..][4..8], b"IEND");
    assert_eq!(
        image::load_from_memory(&served).unwrap().to_rgb8(),
        fixtures::picture(10, 10)
    );
}

#[tokio::test]
async fn scripts_svg_gif_and_html_are_refused_whatever_they_claim_and_nothing_is_stored() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let uploads: [(&str, &[u8]); 5] = [
        ("a script", b"<script>alert(1)</script>"),
        (
            "an SVG",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        ),
        ("a GIF", gif),
        (
            "HTML named avatar.png",
            b"<!doctype html><html><body>hi</body></html>",
        ),
        ("nothing", b""),
    ];
    for (what, bytes) in uploads {
        let err = mimi_apps::set_image(
            &env.pool,
            &env.storage,
            &owner,
            app.id,
            ImageKind::Avatar,
            bytes,
        )
        .await
        .unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{what}: {err:?}");
        assert_eq!(
            (err.code(), err.field()),
            ("image_type_unsupported", Some("image")),
            "{what}"
        );
    }
    assert_eq!(env.count("files").await, 0);
    assert!(env.stored(owner.workspace_id).is_empty());
    assert_eq!(
        mimi_apps::get(&env.pool, &owner, app.id).await.unwrap(),
        app
    );
}

#[tokio::test]
async fn an_image_over_2_mb_is_too_large_and_a_damaged_one_invalid() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let mut big = fixtures::png(8, 8);
    big.resize(mimi_apps::MAX_IMAGE_BYTES + 1, 0);
    let err = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &owner,
        app.id,
        ImageKind::Cover,
        &big,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooLarge {
                field: Some("image"),
                ..
            }
        ),
        "{err:?}"
    );

    let png = fixtures::png(64, 64);
    let mut damaged = png[..40].to_vec();
    damaged.extend(std::iter::repeat_n(0x5a, 200));
    let err = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &owner,
        app.id,
        ImageKind::Cover,
        &damaged,
    )
    .await
    .unwrap_err();
    assert_eq!((err.code(), err.field()), ("image_invalid", Some("image")));
    assert_eq!(env.count("files").await, 0);
    assert!(env.stored(owner.workspace_id).is_empty());
}

#[tokio::test]
async fn replacing_an_image_deletes_the_old_file_and_removing_it_clears_the_url() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let (first, _, _) = upload(&env, &owner, &app, &fixtures::png(5, 5)).await;
    let old_path = first.avatar_url.clone().unwrap();
    let (second, content_type, _) = upload(&env, &owner, &app, &fixtures::jpeg(6, 6)).await;
    assert_eq!(content_type, "image/jpeg");
    assert_ne!(second.avatar_url, first.avatar_url);
    assert!(matches!(serve(&env, &old_path).await, Err(Error::NotFound)));
    assert_eq!(env.count("files").await, 1);
    let stored = env.stored(owner.workspace_id);
    assert_eq!(stored.len(), 1);
    assert!(stored[0].ends_with(".jpg"), "{stored:?}");

    let removed =
        mimi_apps::remove_image(&env.pool, &env.storage, &owner, app.id, ImageKind::Avatar)
            .await
            .unwrap();
    assert_eq!(removed.avatar_url, None);
    assert_eq!(env.count("files").await, 0);
    assert!(env.stored(owner.workspace_id).is_empty());
    // Removing what is not there is no error.
    mimi_apps::remove_image(&env.pool, &env.storage, &owner, app.id, ImageKind::Avatar)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_failed_database_write_leaves_no_row_and_no_file() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    // The file is written and its row inserted; then recording it on the app fails.
    sqlx::raw_sql(
        "create function refuse_images() returns trigger language plpgsql as \
         $$ begin raise exception 'the disk is full, say'; end $$; \
         create trigger refuse_images before update of avatar_file_id on apps \
         for each row execute function refuse_images();",
    )
    .execute(&env.db.pool)
    .await
    .unwrap();
    let err = mimi_apps::set_image(
        &env.pool,
        &env.storage,
        &owner,
        app.id,
        ImageKind::Avatar,
        &fixtures::png(4, 4),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Internal(_)), "{err:?}");
    assert_eq!(env.count("files").await, 0);
    // The workspace's folder exists, so the file was written, and then taken back.
    let folder = env.storage.root().join(owner.workspace_id.to_string());
    assert!(folder.is_dir());
    assert!(
        env.stored(owner.workspace_id).is_empty(),
        "{:?}",
        env.stored(owner.workspace_id)
    );
    assert_eq!(
        mimi_apps::get(&env.pool, &owner, app.id).await.unwrap(),
        app
    );
}

#[tokio::test]
async fn a_webp_is_stored_as_a_webp_with_its_dimensions() {
    let env = Env::new().await;
    let (owner, app) = app(&env).await;
    let mut webp = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::webp::WebPEncoder::new_lossless(&mut webp),
        &fixtures::picture(12, 7),
        12,
        7,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    let (_, content_type, served) = upload(&env, &owner, &app, &webp).await;
    assert_eq!(content_type, "image/webp");
    assert_eq!(
        image::load_from_memory(&served).unwrap().to_rgb8(),
        fixtures::picture(12, 7)
    );
}
