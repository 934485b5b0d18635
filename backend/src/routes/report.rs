//! `GET /api/office/report?from=&to=`: the office's report for a period,
//! every figure from the lines of work's maintained counters (a few dozen
//! rows, however many records there are), composed by `shared::report`.

use crate::auth::require_staff;
use crate::clock;
use crate::db::tally::county;
use crate::db::{self, Db};
use crate::routes::{json, Cache, Reply};
use shared::api::RangeParams;
use shared::approvals::stats::CentreStats;
use shared::engine::period::Range;
use shared::report::{compose, streamline_period, Inputs};
use shared::{complaints, documents, hotline, information, supervision};
use worker::Request;

pub async fn report(req: &Request, q: RangeParams, db: &Db) -> Reply {
    require_staff(req, db).await?.check_is_office()?;
    let today = clock::today_cst();
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), today)?;
    let settings = db::admin::settings::read(db).await?.settings.public;
    let centre = CentreStats::new(range, db::approvals::stats::establishment(db).await?, &db::approvals::stats::totals(db, range).await?);
    let hotline_tally = county(&db::hotline::figures::tallies(db, range, Some(0)).await?);
    let supervision_tally = county(&db::supervision::figures::tallies(db, range, Some(0)).await?);
    let complaints_tally = county(&db::complaints::figures::tallies(db, range).await?);
    let documents_tally = db::documents::figures::county(db, range).await?;
    let information_tally = db::information::figures::county(db, range).await?;
    let inputs = Inputs {
        county: settings.county_name,
        hotline_phone: settings.hotline_phone,
        centre,
        members: db::admin::units::member_counts(db).await?,
        hotline: hotline::figures::summary(range, &hotline_tally),
        e_government: documents::figures::summary(range, &documents_tally),
        streamline: crate::routes::streamline::dashboard_of(db, streamline_period(range), today).await?,
        supervision: supervision::figures::summary(range, &supervision_tally),
        complaints: complaints::figures::summary(range, &complaints_tally),
        information: information::figures::summary(range, &information_tally),
    };
    json(&compose(range, inputs), Cache::NoStore)
}
