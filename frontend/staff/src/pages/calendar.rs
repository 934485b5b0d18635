//! The working-day calendar the office maintains: a year's holidays and
//! swapped working days, typed one per line from the State Council notice.

use crate::app::Me;
use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router};
use frontend::widgets::{load, show_page, ErrorRegion};
use leptos::prelude::*;
use shared::api::{self as ep, Empty, YearParams};
use shared::engine::calendar::{parse_days, CalendarYearView, NamedDay, RederiveProgress, YearCalendar};
use shared::error::{ApiError, ErrorCode};

#[component]
pub fn CalendarPage(year: String) -> impl IntoView {
    set_title("节假日安排");
    let data = load::<ep::GetCalendarYear>(&[], YearParams { year: Some(year).filter(|y| !y.is_empty()) });
    view! { {show_page(data, "节假日安排".into(), |v| view! { <Editor v/> })} }
}

fn lines(days: &[NamedDay]) -> String {
    days.iter().map(|d| format!("{} {}", d.date, d.name)).collect::<Vec<_>>().join("\n")
}

#[component]
fn Editor(v: CalendarYearView) -> impl IntoView {
    let me = expect_context::<Me>();
    let router = use_router::<Route>();
    let (holidays, workdays) = (RwSignal::new(lines(&v.calendar.holidays)), RwSignal::new(lines(&v.calendar.workdays)));
    let error = RwSignal::new(None::<ApiError>);
    // After saving: how many open cases' deadlines moved to the new calendar.
    let saved = RwSignal::new(None::<RederiveProgress>);
    let year = v.year;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = parse_days(&holidays.get_untracked()).and_then(|h| parse_days(&workdays.get_untracked()).map(|w| (h, w)));
        let calendar = match parsed {
            Ok((holidays, workdays)) => YearCalendar { year, holidays, workdays },
            Err(e) => return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, e.message()))),
        };
        if let Err(e) = calendar.validate() {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, e.message())));
        }
        leptos::task::spawn_local(async move {
            let mut answer = api::post::<ep::SaveCalendarYear>(&[], &calendar).await;
            error.set(None);
            // Stored deadlines move a step per request until every open case follows.
            let mut moved = 0;
            while let Ok(step) = &answer {
                moved += step.moved;
                saved.set(Some(RederiveProgress { moved, done: step.done }));
                if step.done {
                    break;
                }
                answer = api::post::<ep::ContinueRederive>(&[], &Empty {}).await;
            }
            if let Err(e) = answer {
                error.set(Some(e));
            }
        });
    };
    let is_office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    view! {
        <section class="panel">
            <h1>{format!("{year}年节假日安排")}</h1>
            {v.warning.map(|w| view! { <p class="notice" role="status">{w}</p> })}
            <p>
                <button type="button" class="link-like" on:click=move |_| router.replace(Route::Calendar((year - 1).to_string()))>{format!("‹ {}年", year - 1)}</button>
                " "
                <button type="button" class="link-like" on:click=move |_| router.replace(Route::Calendar((year + 1).to_string()))>{format!("{}年 ›", year + 1)}</button>
            </p>
            <p class="muted">{if v.published { "已录入。修改后保存即生效，之后受理的办件按新安排计算期限。" } else { "该年度尚未录入：在此之前，跨入该年的期限按周一至周五计算。" }}</p>
            <form on:submit=save>
                <label for="holidays">"放假日期（每行一天：日期 名称，如“2027-01-01 元旦”）"</label>
                <textarea id="holidays" rows="12" bind:value=holidays readonly=move || !is_office()></textarea>
                <label for="workdays">"调休上班的周六、周日（每行一天，如“2027-02-07 春节调休上班”）"</label>
                <textarea id="workdays" rows="5" bind:value=workdays readonly=move || !is_office()></textarea>
                <ErrorRegion error=error/>
                <div role="status">{move || saved.get().map(|p| {
                    let text = if p.done {
                        format!("已保存。{}件在办承诺件的办结期限已按新安排重新计算。", p.moved)
                    } else {
                        format!("已保存，正在重新计算在办件的办结期限（已调整{}件）…", p.moved)
                    };
                    view! { <p class="ok" data-testid="saved">{text}</p> }
                })}</div>
                <Show when=is_office><button type="submit" class="primary">"保存"</button></Show>
            </form>
        </section>
    }
}
