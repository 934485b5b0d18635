//! The year's rules, the league table (flat rows of each unit's year, with
//! the formula and the units still short of this month's quota), its CSV,
//! and the figures with the report's sentence.

use crate::auth::require_staff;
use crate::clock;
use crate::db::information::{figures, league};
use crate::db::Db;
use crate::error::AppError;
use crate::routes::{csv_download, json, read_json, Cache, Reply};
use shared::api::{RangeParams, YearParams};
use shared::engine::date::Date;
use shared::engine::period::Range;
use shared::information::figures::{summary, InfoFigures};
use shared::information::scoring::{points_text, year_of, ScoreRules};
use shared::information::views::{League, LeagueRow, Shortfall};
use worker::Request;

pub async fn rules(req: &Request, q: YearParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let year = year_of(q.year.as_deref(), clock::today_cst())?;
    json(&league::rules(db, year).await?, Cache::NoStore)
}

pub async fn save_rules(req: &mut Request, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let rules: ScoreRules = read_json(req).await?;
    rules.validate()?;
    league::save_rules(db, &rules).await?;
    json(&rules, Cache::NoStore)
}

async fn table(db: &Db, year: i32, today: Date) -> Result<League, AppError> {
    let rules = league::rules(db, year).await?;
    let mut rows: Vec<LeagueRow> = league::scores(db, year)
        .await?
        .into_iter()
        .map(|s| LeagueRow {
            rank: 0,
            submitted: s.submitted,
            points_text: points_text(s.points),
            unit_id: s.unit_id,
            unit_name: s.unit_name,
            points: s.points,
            adopted: s.adopted,
            higher: s.higher,
            instructions: s.instructions,
        })
        .collect();
    rows.sort_by(|a, b| b.points.cmp(&a.points).then(b.submitted.cmp(&a.submitted)).then(a.unit_id.cmp(&b.unit_id)));
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i as u32 + 1;
    }
    // This month in this year, else the year's last month.
    let month = if today.year() == year { today.to_string()[..7].to_string() } else { format!("{year}-12") };
    let shortfall = league::month(db, &month)
        .await?
        .into_iter()
        .map(|m| Shortfall { quota: rules.quota(m.kind), unit_id: m.unit_id, unit_name: m.unit_name, submitted: m.submitted })
        .filter(|s| s.submitted < s.quota as u64)
        .collect();
    Ok(League { year, formula: rules.formula(), rules, rows, month, shortfall })
}

pub async fn league(req: &Request, q: YearParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let today = clock::today_cst();
    json(&table(db, year_of(q.year.as_deref(), today)?, today).await?, Cache::NoStore)
}

pub async fn csv(req: &Request, q: YearParams, db: &Db) -> Reply {
    require_staff(req, db).await?;
    let today = clock::today_cst();
    let t = table(db, year_of(q.year.as_deref(), today)?, today).await?;
    let rows: Vec<Vec<String>> = t
        .rows
        .into_iter()
        .map(|r| {
            let n = [r.submitted as i64, r.adopted, r.higher, r.instructions].map(|n| n.to_string());
            [vec![r.rank.to_string(), r.unit_name, r.points_text], n.to_vec()].concat()
        })
        .collect();
    let mut text = shared::csv::to_csv(&["名次", "单位", "得分", "报送", "县级采用", "上级采用", "领导批示"], &rows);
    text.push_str(&shared::csv::to_csv(&["计分公式"], &[vec![t.formula]])[3..]);
    csv_download(text, &format!("attachment; filename=\"information-league-{}.csv\"", t.year))
}

pub async fn figures(req: &Request, q: RangeParams, db: &Db) -> Reply {
    let user = require_staff(req, db).await?;
    user.check_is_office()?;
    let range = Range::parse(q.from.as_deref(), q.to.as_deref(), clock::today_cst())?;
    let county = figures::county(db, range).await?;
    json(&InfoFigures { range, summary: summary(range, &county).to_string(), county }, Cache::NoStore)
}
