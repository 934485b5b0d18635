//! Small pieces every page uses.

use leptos::prelude::*;
use shared::error::ApiError;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"正在加载…"</p> }
}

/// An error from the API, in words the reader can act on, shown once in
/// place of what failed to load (an alert of its own). For a form's errors,
/// which come and go, use [`ErrorRegion`].
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    view! { <p class="error" role="alert">{error.message}</p> }
}

/// A form's error region: one live region, always in the page, so each new
/// error is announced once as it appears (nothing inside it is an alert of
/// its own). A plain signal and the message alone: the apply page counts
/// its bytes.
#[component]
pub fn ErrorRegion(error: RwSignal<Option<ApiError>>, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! { <div class=class role="alert">{move || error.get().map(|e| view! { <p class="error">{e.message}</p> })}</div> }
}

/// "跳到主要内容": the first stop of the Tab key, shown only when focused;
/// takes the focus past the header to the page's main content (without
/// changing the URL, which would look like a new page to the router).
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            crate::router::focus(&main);
        }
    };
    view! { <a href="#main" class="skip-link no-print" on:click=skip>"跳到主要内容"</a> }
}

/// Data fetched once from the API: `None` while loading.
pub type Loaded<T> = RwSignal<Option<Result<T, ApiError>>>;

/// Starts fetching endpoint `E` with its path arguments and query. (A plain
/// signal filled by one task costs the phone far fewer bytes than
/// `LocalResource` with `Suspense`.)
pub fn load<E: shared::api::Endpoint>(args: &[&str], query: E::Query) -> Loaded<E::Response>
where
    E::Response: Send + Sync + 'static,
{
    let url = crate::api::url::<E>(args, &query);
    let data = RwSignal::new(None);
    leptos::task::spawn_local(async move { data.set(Some(crate::api::get_url::<E::Response>(url).await)) });
    data
}

/// [`load`], unless the Worker put the answer into the page's HTML as a JSON
/// block with this id (`backend/src/shell.rs`): then it is there in the
/// first frame, without a second round trip, and nothing moves when it
/// "arrives". Taken once: the block is removed, and a later visit to the
/// same page within the app fetches afresh.
/// The block is used only if `fits` it (a guide's block must be the guide
/// of the URL's matter, whatever copy of a page a phone kept offline).
pub fn load_inline<E: shared::api::Endpoint>(
    id: &str,
    args: &[&str],
    query: E::Query,
    fits: impl Fn(&E::Response) -> bool,
) -> Loaded<E::Response>
where
    E::Response: Send + Sync + 'static,
{
    match take_block(id).filter(|v| fits(v)) {
        Some(value) => RwSignal::new(Some(Ok(value))),
        None => load::<E>(args, query),
    }
}

/// The JSON block with this id the Worker put into the page, taken (removed)
/// once: see [`load_inline`].
pub fn take_block<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    let block = document().get_element_by_id(id)?;
    block.remove();
    serde_json::from_str(&block.text_content()?).ok()
}

/// Starts POSTing endpoint `E` with its JSON body (a look-up whose key must
/// stay out of the URL), as [`load`].
pub fn load_posted<E: shared::api::Endpoint>(args: &[&str], body: E::Body) -> Loaded<E::Response>
where
    E::Response: Send + Sync + 'static,
    E::Body: 'static,
{
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let data = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        data.set(Some(crate::api::post::<E>(&args, &body).await))
    });
    data
}

/// Shows "loading", the error, or what `render` makes of the data.
pub fn show<T, V>(data: Loaded<T>, render: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    show_titled(data, None, render)
}

/// [`show`] for a page whose heading comes with its data: if the data fails
/// to load, the error stands under `title` as the page's `h1`, so the page
/// still has a heading to start from.
pub fn show_page<T, V>(data: Loaded<T>, title: String, render: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    show_titled(data, Some(title), render)
}

fn show_titled<T, V>(data: Loaded<T>, title: Option<String>, render: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match (data.get(), title.clone()) {
        (None, _) => view! { <Loading/> }.into_any(),
        (Some(Err(error)), None) => view! { <ErrorNotice error/> }.into_any(),
        (Some(Err(error)), Some(title)) => view! { <section class="panel"><h1>{title}</h1><ErrorNotice error/></section> }.into_any(),
        (Some(Ok(value)), _) => render(value).into_any(),
    }
}

/// The public pages' frame: header with the two entry points, footer with
/// the county's phones and hours (from its settings). Plain links: each
/// leads to its own small app.
#[component]
pub fn PublicShell(children: Children) -> impl IntoView {
    let county = crate::county::county();
    let dial = |p: &str| format!("tel:{}", shared::admin::settings::PublicSettings::dial(p));
    view! {
        <SkipLink/>
        <header class="site-header">
            <a href="/" class="brand">{county.centre().to_string()}</a>
            <nav class="tagline" aria-label="主要栏目">
                <a href="/">"办事指南"</a>
                <a href="/track">"办件查询"</a>
            </nav>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer" data-testid="footer">
            <p>
                "监督投诉电话："<a href=dial(&county.complaint_phone)>{county.complaint_phone.clone()}</a>
                " · 县长公开电话："<a href=dial(&county.hotline_phone)>{county.hotline_phone.clone()}</a>
            </p>
            <p>{format!("地址：{} · 办公时间：{}", county.centre_address, county.centre_hours)}</p>
        </footer>
    }
}

/// Offers `content` as a CSV file download (made in the browser).
pub fn download_csv(file_name: &str, content: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Column title cells, for a table's header row.
#[component]
pub fn HeaderCells(titles: &'static [&'static str]) -> impl IntoView {
    titles.iter().map(|t| view! { <th scope="col">{*t}</th> }).collect_view()
}

/// "导出CSV": the table's rows as a CSV download, made in the browser.
#[component]
pub fn CsvButton(file: String, header: &'static [&'static str], rows: Vec<Vec<String>>) -> impl IntoView {
    let export = move |_| download_csv(&file, &shared::csv::to_csv(header, &rows));
    view! { <button type="button" class="link-like no-print" on:click=export>"导出CSV"</button> }
}

/// Posts `body` to endpoint `E` (with its path arguments): on success
/// clears `error` and hands the answer to `then` (to show it, or to go on
/// to the next page); on failure shows the refusal in `error`, and what was
/// typed stays. Every form that saves goes through here.
pub fn post_then<E>(args: &[&str], body: E::Body, error: RwSignal<Option<ApiError>>, then: impl FnOnce(E::Response) + 'static)
where
    E: shared::api::Endpoint,
    E::Body: 'static,
{
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    leptos::task::spawn_local(async move {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match crate::api::post::<E>(&args, &body).await {
            Ok(answer) => {
                error.set(None);
                then(answer)
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

/// The CSS class of a deadline's standing (the yellow and red cards).
pub fn standing_class(s: shared::engine::ledger::Standing) -> &'static str {
    use shared::engine::ledger::Standing;
    match s {
        Standing::OnTrack => "on-track",
        Standing::Yellow => "yellow",
        Standing::Red => "red",
        Standing::Paused => "paused",
    }
}
