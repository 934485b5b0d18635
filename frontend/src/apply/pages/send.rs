//! Sending the form: the chosen files checked with the server's own rules,
//! then form and files in one multipart request carrying the draft's
//! Idempotency-Key, each file's progress shown. A request that gets no
//! answer (the phone is offline) waits for the connection to return and goes
//! again with the same key, so however often it goes, one case is made.

use super::upload::{record_progress, Sending};
use crate::draft::Draft;
use crate::photo::read_head;
use crate::xhr::{self, Failure};
use js_sys::Function;
use leptos::prelude::*;
use shared::api as ep;
use shared::approvals::application::{check_uploads, UploadMeta};
use shared::approvals::case::Receipt;
use shared::approvals::matter::Material;
use shared::error::ApiError;
use web_sys::{File, FormData};

/// What the page shows of a submission on its way.
#[derive(Clone, Copy)]
pub struct Progress {
    pub rows: RwSignal<Vec<Sending>>,
    /// The last attempt got no answer: waiting for the connection.
    pub offline: RwSignal<bool>,
    /// While waiting, sends again at once (the applicant asks to).
    pub retry: StoredValue<Option<Function>, LocalStorage>,
}

impl Progress {
    pub fn new() -> Progress {
        Progress { rows: RwSignal::new(Vec::new()), offline: RwSignal::new(false), retry: StoredValue::new_local(None) }
    }

    /// Sends again now, when a submission is waiting for the connection;
    /// false when none is.
    pub fn retry_now(&self) -> bool {
        match self.retry.get_value() {
            Some(wake) => wake.call0(&wasm_bindgen::JsValue::NULL).is_ok(),
            None => false,
        }
    }
}

/// Checks `files` and sends them with the form until the server answers.
pub async fn send(draft: &Draft, files: &[(i64, File)], materials: &[Material], progress: Progress) -> Result<Receipt, ApiError> {
    let form = multipart(draft, files, materials).await?;
    progress.rows.set(files.iter().map(|(_, f)| Sending { name: f.name(), sent: 0, size: f.size() as u64 }).collect());
    let url = frontend::api::url::<ep::SubmitApplication>(&[], &Default::default());
    let rows = progress.rows;
    // Tries again on the `online` event, or after 5 s, then 10, 20, 40, 60:
    // safe, the Idempotency-Key names the same case.
    let mut wait_ms = 5_000;
    loop {
        let headers = [("Idempotency-Key", draft.key.as_str())];
        match xhr::post_form::<Receipt>(&url, &form, &headers, move |sent, total| record_progress(rows, sent, total)).await {
            Ok(receipt) => return Ok(receipt),
            Err(Failure::Refused(e)) => {
                rows.set(Vec::new());
                return Err(e);
            }
            Err(Failure::Network) => {
                progress.offline.set(true);
                let (online, wake) = xhr::back_online(wait_ms);
                wait_ms = (wait_ms * 2).min(60_000);
                progress.retry.set_value(wake);
                let _ = online.await;
                progress.retry.set_value(None);
                progress.offline.set(false);
            }
        }
    }
}

/// The form and `files` as the server reads them, once they pass its checks.
async fn multipart(draft: &Draft, files: &[(i64, File)], materials: &[Material]) -> Result<FormData, ApiError> {
    let mut heads = Vec::with_capacity(files.len());
    for (_, f) in files {
        heads.push(read_head(f).await);
    }
    let names: Vec<String> = files.iter().map(|(_, f)| f.name()).collect();
    let metas: Vec<UploadMeta<'_>> = files
        .iter()
        .zip(&heads)
        .zip(&names)
        .map(|(((material_id, f), head), name)| UploadMeta { material_id: *material_id, file_name: name, size: f.size() as u64, head })
        .collect();
    check_uploads(&metas, materials)?;

    let form = FormData::new().map_err(|_| ApiError::internal())?;
    let json = serde_json::to_string(&draft.form).map_err(|_| ApiError::internal())?;
    form.set_with_str("form", &json).map_err(|_| ApiError::internal())?;
    for (material_id, f) in files {
        form.append_with_blob_and_filename(&format!("material:{material_id}"), f, &f.name()).map_err(|_| ApiError::internal())?;
    }
    Ok(form)
}
