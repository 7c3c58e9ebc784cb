//! Anonymous daily views of an app's public page: a counter per app and UTC day.
//! Nothing about the viewer is read or kept; the server decides what counts as a view
//! (a person's `GET`, not a prefetch or a crawler).

use mimi_domain::{Error, Result, Scope};
use mimi_store::{PgPool, tenant};
use serde::Serialize;
use uuid::Uuid;

use crate::ops::fetch;

/// The longest history [`page_views`] returns, in days.
pub const MAX_PAGE_VIEW_DAYS: u32 = 366;

/// Views of one UTC day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct DailyViews {
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    /// Views that day.
    pub views: i64,
}

/// Counts one view of the app's public page today.
pub async fn count_page_view(pool: &PgPool, workspace_id: Uuid, app_id: Uuid) -> Result<()> {
    let mut tx = tenant::tenant(pool, workspace_id, None).await?;
    sqlx::query(
        "insert into page_views (workspace_id, app_id, day, views) \
         values ($1, $2, (now() at time zone 'utc')::date, 1) \
         on conflict (app_id, day) do update set views = page_views.views + 1",
    )
    .bind(workspace_id)
    .bind(app_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The app's views on each of the last `days` UTC days, today last, days without views
/// included as 0. `days` is 1–[`MAX_PAGE_VIEW_DAYS`] (`days_out_of_range` otherwise).
pub async fn page_views(
    pool: &PgPool,
    scope: &Scope,
    app_id: Uuid,
    days: u32,
) -> Result<Vec<DailyViews>> {
    if !(1..=MAX_PAGE_VIEW_DAYS).contains(&days) {
        return Err(Error::invalid(
            "days",
            "days_out_of_range",
            "days must be between 1 and 366",
        ));
    }
    let mut tx = tenant::begin(pool, scope).await?;
    fetch(&mut tx, app_id, false).await?;
    let rows = sqlx::query_as(
        "select to_char(d, 'YYYY-MM-DD') as day, coalesce(v.views, 0) as views \
         from generate_series((now() at time zone 'utc')::date - ($2::int - 1), \
                              (now() at time zone 'utc')::date, interval '1 day') d \
         left join page_views v on v.app_id = $1 and v.day = d::date \
         order by d",
    )
    .bind(app_id)
    .bind(i32::try_from(days).unwrap_or(1))
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(rows)
}
