//! `/staff/messages`: the signed-in member's in-app inbox: new cases,
//! dispatches, documents to sign for, 催办 and cards for their unit, each
//! linking to its item; marked read one by one. The header shows the
//! unread count (`Unread`), which this page keeps current.

use crate::route::Route;
use frontend::api;
use frontend::router::{set_title, use_router, Link, Page};
use frontend::widgets::{load, show, ErrorRegion};
use leptos::prelude::*;
use shared::error::ApiError;
use shared::notify::inbox::{InboxMessage, StaffInbox};

/// The unread count the header shows, once known.
pub type Unread = RwSignal<Option<u64>>;

/// Asks for the member's inbox and sets the header's count.
pub fn refresh(unread: Unread) {
    leptos::task::spawn_local(async move {
        if let Ok(inbox) = api::fetch::<shared::api::GetInbox>(&[], &Default::default()).await {
            unread.set(Some(inbox.unread));
        }
    });
}

#[component]
pub fn MessagesPage() -> impl IntoView {
    set_title("站内消息");
    let inbox = load::<shared::api::GetInbox>(&[], Default::default());
    view! {
        <section class="panel">
            <h1>"站内消息"</h1>
            <p>"本单位需要处理的事项：新申请、派发的工单、待签收的公文、催办和黄牌红牌。"</p>
        </section>
        {show(inbox, |inbox: StaffInbox| {
            if inbox.items.is_empty() {
                return view! { <p class="empty">"暂无消息。"</p> }.into_any();
            }
            view! {
                <ul class="messages" data-testid="messages">
                    {inbox.items.into_iter().map(|m| view! { <MessageLine m/> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

/// One message: its link opens the item and marks it read.
#[component]
fn MessageLine(m: InboxMessage) -> impl IntoView {
    let unread_count = use_context::<Unread>();
    let router = use_router::<Route>();
    let read = RwSignal::new(m.read);
    let error = RwSignal::new(None::<ApiError>);
    let id = m.id.to_string();
    let mark = move || {
        let id = id.clone();
        async move {
            match api::post::<shared::api::ReadInboxItem>(&[&id], &Default::default()).await {
                Ok(inbox) => {
                    read.set(true);
                    if let Some(u) = unread_count {
                        u.set(Some(inbox.unread));
                    }
                    true
                }
                Err(e) => {
                    error.set(Some(e));
                    false
                }
            }
        }
    };
    let open = {
        let mark = mark.clone();
        let to = Route::parse(&m.link, "");
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            let (mark, to) = (mark.clone(), to.clone());
            leptos::task::spawn_local(async move {
                mark().await;
                router.push(to);
            });
        }
    };
    let mark_only = move |_| {
        let mark = mark.clone();
        leptos::task::spawn_local(async move {
            mark().await;
        });
    };
    view! {
        <li data-read=move || read.get().to_string()>
            <a href=m.link.clone() on:click=open>{m.title}</a>
            <span class="muted">{m.created_at.get(..16).unwrap_or(&m.created_at).replace('T', " ")}</span>
            <Show when=move || !read.get() fallback=|| view! { <span class="muted">"已读"</span> }>
                <button type="button" class="link-button" on:click=mark_only.clone()>"标为已读"</button>
            </Show>
            <ErrorRegion error/>
        </li>
    }
}

/// The header's link to the inbox, with the unread count.
#[component]
pub fn MessagesLink() -> impl IntoView {
    let unread = use_context::<Unread>();
    let label = move || match unread.and_then(|u| u.get()) {
        Some(n) if n > 0 => format!("消息（{n}条未读）"),
        _ => "消息".to_string(),
    };
    view! { <Link to=Route::Messages>{label}</Link> }
}
