//! The draft's chosen files (already scaled), kept on the phone in
//! IndexedDB (localStorage holds only text): one record per matter, a list
//! of `[material id, File]`. Best effort, like the draft itself: where
//! storage is off the form still submits, its files only are not restored.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "apply-drafts";
const STORE: &str = "files";

/// Keeps `files` as the draft's for `matter_id`, in place of any before.
pub async fn save(matter_id: i64, files: &[(i64, File)]) {
    let list: Array = files.iter().map(|(material, f)| Array::of2(&JsValue::from_f64(*material as f64), f)).collect();
    if let Some(store) = store(IdbTransactionMode::Readwrite).await {
        let _ = done(store.put_with_key(&list, &key(matter_id))).await;
    }
}

/// The files kept for `matter_id`'s draft (none where nothing was kept).
pub async fn load(matter_id: i64) -> Vec<(i64, File)> {
    let Some(store) = store(IdbTransactionMode::Readonly).await else { return Vec::new() };
    let Ok(value) = done(store.get(&key(matter_id))).await else { return Vec::new() };
    let Ok(list) = value.dyn_into::<Array>() else { return Vec::new() };
    list.iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_f64()? as i64, pair.get(1).dyn_into::<File>().ok()?))
        })
        .collect()
}

/// Forgets the draft's files (it was submitted).
pub async fn clear(matter_id: i64) {
    if let Some(store) = store(IdbTransactionMode::Readwrite).await {
        let _ = done(store.delete(&key(matter_id))).await;
    }
}

fn key(matter_id: i64) -> JsValue {
    JsValue::from_f64(matter_id as f64)
}

async fn store(mode: IdbTransactionMode) -> Option<IdbObjectStore> {
    let request = web_sys::window()?.indexed_db().ok()??.open_with_u32(DATABASE, 1).ok()?;
    // A first visit makes the store; the closure lives until the open ends.
    let upgrade = Closure::<dyn FnMut()>::new({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result() {
                let _ = db.unchecked_into::<IdbDatabase>().create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(Ok(request.clone().into())).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = db.ok()?.dyn_into().ok()?;
    db.transaction_with_str_and_mode(STORE, mode).ok()?.object_store(STORE).ok()
}

/// The result of `request` once it has succeeded.
async fn done(request: Result<IdbRequest, JsValue>) -> Result<JsValue, JsValue> {
    let request = request?;
    let finished = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(finished).await?;
    request.result()
}
