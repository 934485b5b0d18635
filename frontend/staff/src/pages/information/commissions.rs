//! `/staff/information/commissions`: commissioned topics (约稿). The office
//! sends one to units with a deadline; each unit sees those addressed to
//! it and answers with an item; misses are listed, two may zero a year.

use crate::app::Me;
use crate::info_route::Info;
use crate::route::Route;
use frontend::router::{set_title, Link};
use frontend::widgets::{load, post_then, show, ErrorRegion, HeaderCells, Loaded};
use leptos::prelude::*;
use shared::api::information::{CreateCommission, ListCommissions};
use shared::api::ListUnits;
use shared::engine::date::Date;
use shared::error::{ApiError, ErrorCode};
use shared::information::views::{CommissionForm, CommissionList, CommissionUnit};

fn status(u: &CommissionUnit) -> String {
    match (&u.answered_by, u.missed) {
        (Some(no), _) => format!("{}：已报送（{no}）", u.unit_name),
        (None, true) => format!("{}：逾期未报送", u.unit_name),
        (None, false) => format!("{}：待报送", u.unit_name),
    }
}

#[component]
pub fn CommissionsPage() -> impl IntoView {
    set_title("约稿");
    let list = load::<ListCommissions>(&[], Default::default());
    let me = expect_context::<Me>();
    let office = move || me.get().is_some_and(|u| u.check_is_office().is_ok());
    view! {
        <section class="panel">
            <h1>"约稿"</h1>
            <Show when=office><NewCommission list/></Show>
            {show(list, move |l| view! {
                <div class="table-scroll"><table class="cases" data-testid="commissions">
                    <thead><tr><HeaderCells titles=&["主题", "报送期限", "约稿单位", "报送"]/></tr></thead>
                    <tbody>{l.commissions.into_iter().map(|c| { let id = c.id.to_string(); view! {
                        <tr>
                            <td>{c.topic}</td><td>{c.deadline.zh_full()}</td>
                            <td>{c.units.iter().map(status).collect::<Vec<_>>().join("；")}</td>
                            <td><Show when=move || !office()><Link to=Route::Information(Info::New { commission: id.clone() })>"报送本约稿"</Link></Show></td>
                        </tr>
                    }}).collect_view()}</tbody>
                </table></div>
                <h2>"未按期报送约稿的单位"</h2>
                <ul data-testid="misses">{l.misses.into_iter().map(|m| view! {
                    <li>{format!("{}：{}次{}", m.unit_name, m.misses, if m.may_zero { "（已达两次，年度考核可能归零）" } else { "" })}</li>
                }).collect_view()}</ul>
            })}
        </section>
    }
}

#[component]
fn NewCommission(list: Loaded<CommissionList>) -> impl IntoView {
    let error = RwSignal::new(None);
    let (topic, day) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let chosen = RwSignal::new(Vec::<i64>::new());
    let units = load::<ListUnits>(&[], Default::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(deadline) = Date::parse(day.get_untracked().trim()) else {
            return error.set(Some(ApiError::new(ErrorCode::InvalidParameter, "请选择报送期限")));
        };
        let form = CommissionForm { topic: topic.get_untracked(), deadline, unit_ids: chosen.get_untracked() };
        post_then::<CreateCommission>(&[], form, error, move |c| {
            list.update(|l| {
                if let Some(Ok(l)) = l {
                    l.commissions.insert(0, c)
                }
            })
        });
    };
    let toggle = move |id: i64| {
        move |_| {
            chosen.update(|v| {
                if let Some(i) = v.iter().position(|x| *x == id) {
                    v.remove(i);
                } else {
                    v.push(id)
                }
            })
        }
    };
    view! {
        <form class="stack-form" on:submit=submit>
            <label for="commission-topic">"约稿主题"</label>
            <input id="commission-topic" maxlength="200" bind:value=topic/>
            <label for="commission-deadline">"报送期限"</label>
            <input id="commission-deadline" type="date" bind:value=day/>
            <fieldset><legend>"约稿单位"</legend>
                {show(units, move |u| u.units.into_iter().filter(|u| u.active).map(|u| view! {
                    <label class="choice"><input type="checkbox" on:change=toggle(u.id)/>{u.form.name}</label>
                }).collect_view())}
            </fieldset>
            <ErrorRegion error/>
            <button type="submit">"发出约稿"</button>
        </form>
    }
}
