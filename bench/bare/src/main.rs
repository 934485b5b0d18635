//! A bare Leptos CSR app with the catalogue's first screen, its data
//! compiled in: what an applicant page's paint is compared against.

use leptos::prelude::*;

const CARDS: [(&str, &str, &str); 8] = [
    ("个体工商户设立登记", "县市场监督管理局", "当场办结"),
    ("食品经营许可证核发", "县市场监督管理局", "承诺 5 个工作日"),
    ("公共场所卫生许可", "县卫生健康局", "承诺 10 个工作日"),
    ("建设工程规划许可", "县自然资源局", "承诺 15 个工作日"),
    ("城乡居民养老保险参保登记", "县人力资源和社会保障局", "当场办结"),
    ("机动车驾驶证补领", "县公安局", "当场办结"),
    ("道路运输经营许可", "县交通运输局", "承诺 10 个工作日"),
    ("取水许可", "县水利局", "承诺 20 个工作日"),
];

#[component]
fn App() -> impl IntoView {
    let search = RwSignal::new(String::new());
    view! {
        <header class="site-header">
            <a href="/" class="brand">"政务服务中心"</a>
            <nav class="tagline" aria-label="主要栏目"><a href="/">"办事指南"</a><a href="/track">"办件查询"</a></nav>
        </header>
        <main id="main">
            <section class="panel">
                <h1>"办事指南"</h1>
                <form class="filters" role="search">
                    <label for="q">"搜索事项"</label>
                    <div class="search-row">
                        <input id="q" type="search" placeholder="输入事项名称或部门，如“营业执照”" bind:value=search/>
                        <button type="submit">"搜索"</button>
                    </div>
                </form>
            </section>
            <ul class="cards">
                {CARDS.iter().map(|(name, dept, limit)| view! {
                    <li><a href="/" class="card"><span class="card-title">{*name}</span>
                        <span class="card-meta"><span>{*dept}</span><span>{*limit}</span></span></a></li>
                }).collect_view()}
            </ul>
        </main>
        <footer class="site-footer"><p>"监督投诉电话：0000-0000000"</p></footer>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
