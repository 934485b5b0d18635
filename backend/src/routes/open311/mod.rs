//! Open311 GeoReport v2 at `/open311/v2/` (DOMAIN.md §3,
//! `shared::hotline::open311`): discovery, services (the active categories
//! of the dispatch catalogue) and their definitions, service requests
//! (tickets) read with filters and the pagination extension, or posted by a
//! partner with an API key into the same intake as every other channel.
//! Every answer is JSON or XML by the path's extension, errors included
//! (the spec's list of `{code, description}`, in Chinese).
//!
//! `tokens/{id}` always answers 404: requests are created at once (every
//! service is `realtime`), so no token is ever issued.

mod requests;

use crate::db::{self, Db};
use crate::error::AppError;
use shared::hotline::open311::tree::Node;
use shared::hotline::open311::{self as o311, roots, DiscoveryInfo, Format, Open311Error, Resource};
use worker::{Env, Method, Request, Response, Result};

/// Why a request was not answered: refusals the client can act on, or a
/// platform failure (logged, answered as a generic 500).
pub(crate) enum Failure {
    Refused(Vec<Open311Error>),
    Platform(worker::Error),
}

impl From<Open311Error> for Failure {
    fn from(e: Open311Error) -> Failure {
        Failure::Refused(vec![e])
    }
}

impl From<Vec<Open311Error>> for Failure {
    fn from(e: Vec<Open311Error>) -> Failure {
        Failure::Refused(e)
    }
}

impl From<worker::Error> for Failure {
    fn from(e: worker::Error) -> Failure {
        Failure::Platform(e)
    }
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Failure {
        match e {
            AppError::Api(e) | AppError::Limited(e, _) => Failure::Refused(o311::from_api(&e)),
            AppError::Platform(e) => Failure::Platform(e),
        }
    }
}

/// A document to send: the tree, its XML root, the status and whether the
/// edge may keep it a minute.
pub(crate) struct Answer {
    node: Node,
    root: &'static str,
    status: u16,
    cacheable: bool,
}

impl Answer {
    fn ok(node: Node, root: &'static str) -> Answer {
        Answer { node, root, status: 200, cacheable: false }
    }
}

pub async fn serve(req: &mut Request, env: &Env, db: &Db) -> Result<Response> {
    let path = req.path();
    let method = req.method();
    let (result, format) = match o311::route(&path) {
        Ok((resource, format)) => (answer(req, env, db, resource, &method).await, format),
        Err(e) => (Err(Failure::from(e)), Format::Json),
    };
    let answer = result.unwrap_or_else(|failure| {
        let list = match failure {
            Failure::Refused(list) => list,
            Failure::Platform(e) => {
                worker::console_error!("{} {path} failed: {e}", method.as_ref());
                vec![Open311Error {
                    code: 500, description: "系统暂时无法处理，请稍后再试；如持续出现请联系县长公开电话办公室".into()
                }]
            }
        };
        Answer { status: o311::status(&list), node: o311::errors(&list), root: roots::ERRORS, cacheable: false }
    });
    let mut response = Response::ok(format.write(&answer.node, answer.root))?.with_status(answer.status);
    let headers = response.headers_mut();
    headers.set("Content-Type", format.content_type())?;
    headers.set("Cache-Control", if answer.cacheable { "public, max-age=60" } else { "no-store" })?;
    if answer.status == 405 {
        headers.set("Allow", "GET, HEAD, POST")?;
    }
    // What the request cost in D1, on local stacks only (as for `/api`).
    if env.var("EXPOSE_ROWS_READ").is_ok_and(|v| v.to_string() == "1") {
        headers.set("X-D1-Rows-Read", &db.rows_read().to_string())?;
    }
    Ok(response)
}

async fn answer(req: &mut Request, env: &Env, db: &Db, resource: Resource, method: &Method) -> std::result::Result<Answer, Failure> {
    let read = matches!(method, Method::Get | Method::Head);
    let cacheable = |node: Node, root| Answer { cacheable: true, ..Answer::ok(node, root) };
    match resource {
        Resource::Requests if *method == Method::Post => requests::post(req, env, db).await,
        _ if !read => Err(Open311Error {
            code: 405,
            description: "该地址只接受 GET 请求（提交诉求请 POST 到 requests.json 或 requests.xml）".into(),
        }
        .into()),
        Resource::Discovery => Ok(cacheable(discovery(req, db).await?, roots::DISCOVERY)),
        Resource::Services => Ok(cacheable(o311::services(&db::hotline::catalogue::categories(db).await?), roots::SERVICES)),
        Resource::Service(code) => {
            let category = db::hotline::catalogue::category_by_code(db, &code).await?.filter(|c| c.active);
            category.ok_or_else(|| Open311Error::not_found(format!("没有服务代码“{code}”，请查看 services.json")))?;
            Ok(cacheable(o311::definition(&code), roots::DEFINITION))
        }
        Resource::Requests => Ok(Answer::ok(requests::list(req, db).await?, roots::REQUESTS)),
        Resource::Request(no) => Ok(Answer::ok(requests::one(db, &no).await?, roots::REQUESTS)),
        Resource::Token(token) => Err(Open311Error::not_found(format!(
            "没有 token“{token}”：本接口实时创建诉求（type 为 realtime），不发放 token，请直接使用提交时答复的 service_request_id"
        ))
        .into()),
    }
}

async fn discovery(req: &Request, db: &Db) -> std::result::Result<Node, Failure> {
    let url = req.url()?;
    let settings = db::admin::settings::read(db).await?.settings.public;
    let categories = db::hotline::catalogue::categories(db).await?;
    let office = format!("{}县长公开电话办公室", settings.county_name);
    let phone = if settings.hotline_phone.is_empty() { String::new() } else { format!("，电话 {}", settings.hotline_phone) };
    Ok(o311::discovery(&DiscoveryInfo {
        changeset: o311::changeset(&categories),
        contact: format!("{office}{phone}"),
        key_service: format!("提交诉求所需的 api_key 由{office}向合作单位发放{phone}"),
        url: format!("{}/open311/v2", url.origin().ascii_serialization()),
    }))
}
