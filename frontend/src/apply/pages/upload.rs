//! The form's materials: a file input per material, its chosen files (a
//! camera photo scaled as it is chosen, all kept with the draft in
//! IndexedDB), and each file's progress while the form goes up.

use crate::{kept_files, photo};
use leptos::html::Input;
use leptos::prelude::*;
use shared::approvals::application::human_size;
use shared::approvals::matter::Material;
use shared::approvals::photo::files_sent;
use web_sys::File;

/// A file input for one material, and the files chosen for it.
#[derive(Clone)]
pub struct Slot {
    pub material: Material,
    input: NodeRef<Input>,
    pub files: RwSignal<Vec<File>, LocalStorage>,
    /// How many times the applicant has chosen files here: a choice's
    /// scaled files are taken only if no later one came meanwhile.
    choices: RwSignal<u32>,
}

/// The materials' slots of one matter's form.
#[derive(Clone)]
pub struct Uploads {
    matter_id: i64,
    pub slots: Vec<Slot>,
    /// Files being scaled: the form waits for them before it is sent.
    pub preparing: RwSignal<u32>,
    /// Whether files kept with the draft were put back.
    pub restored: RwSignal<bool>,
    /// Whether the kept files have been read: until then a choice is not
    /// kept, as that would replace the other slots' kept files with none.
    loaded: RwSignal<bool>,
}

impl Uploads {
    /// The slots of `materials`, then (later) the draft's kept files in them.
    pub fn new(matter_id: i64, materials: &[Material]) -> Uploads {
        let slots = materials
            .iter()
            .map(|m| Slot { material: m.clone(), input: NodeRef::new(), files: RwSignal::new_local(Vec::new()), choices: RwSignal::new(0) })
            .collect();
        let uploads =
            Uploads { matter_id, slots, preparing: RwSignal::new(0), restored: RwSignal::new(false), loaded: RwSignal::new(false) };
        let restoring = uploads.clone();
        leptos::task::spawn_local(async move {
            let kept = kept_files::load(restoring.matter_id).await;
            for s in &restoring.slots {
                let mine: Vec<File> = kept.iter().filter(|(m, _)| *m == s.material.id).map(|(_, f)| f.clone()).collect();
                // A file chosen meanwhile (even one still being scaled) is
                // the applicant's newer choice.
                if !mine.is_empty() && s.choices.get_untracked() == 0 {
                    show_in_input(s.input, &mine);
                    s.files.set(mine);
                    restoring.restored.set(true);
                }
            }
            restoring.loaded.set(true);
            if restoring.slots.iter().any(|s| s.choices.get_untracked() > 0) {
                restoring.keep().await;
            }
        });
        uploads
    }

    /// Every chosen file with its material, in the order of the slots.
    pub fn chosen(&self) -> Vec<(i64, File)> {
        self.slots.iter().flat_map(|s| s.files.get_untracked().into_iter().map(move |f| (s.material.id, f))).collect()
    }

    async fn keep(&self) {
        if self.loaded.get_untracked() {
            kept_files::save(self.matter_id, &self.chosen()).await;
        }
    }
}

/// The input shows the files kept for it (where the browser lets a page set
/// them), so what it says agrees with the list below it.
fn show_in_input(input: NodeRef<Input>, files: &[File]) {
    let Ok(transfer) = web_sys::DataTransfer::new() else { return };
    for f in files {
        let _ = transfer.items().add_with_file(f);
    }
    if let Some(i) = input.get_untracked() {
        i.set_files(transfer.files().as_ref());
    }
}

#[component]
pub fn UploadSlot(upload: Slot, uploads: Uploads) -> impl IntoView {
    let Slot { material, input, files, choices } = upload;
    let id = format!("material-{}", material.id);
    let need = if material.required { "必需" } else { "视情况提交" };
    let on_change = move |_| {
        let list = input.get_untracked().and_then(|i| i.files());
        let chosen: Vec<File> = list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        let uploads = uploads.clone();
        uploads.preparing.update(|n| *n += 1);
        let choice = choices.get_untracked() + 1;
        choices.set(choice);
        leptos::task::spawn_local(async move {
            let mut sized = Vec::with_capacity(chosen.len());
            for f in chosen {
                sized.push(photo::sized(f).await);
            }
            // An earlier choice that took longer to scale than a later one
            // does not overwrite it.
            let latest = choices.get_untracked() == choice;
            if latest {
                show_in_input(input, &sized);
                files.set(sized);
            }
            uploads.preparing.update(|n| *n -= 1);
            if latest {
                uploads.keep().await;
            }
        });
    };
    let names = move || files.with(|fs| fs.iter().map(|f| format!("{}（{}）", f.name(), human_size(f.size() as u64))).collect::<Vec<_>>());
    view! {
        <div class="field upload">
            <label for=id.clone()>{format!("{}（{}）", material.name, need)}</label>
            {(!material.note.is_empty()).then(|| view! { <span class="muted">{material.note.clone()}</span> })}
            <input id=id type="file" multiple accept="image/jpeg,image/png,application/pdf" node_ref=input on:change=on_change/>
            <ul class="chosen">{move || names().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
        </div>
    }
}

/// One file on its way up: its name, bytes sent and size.
#[derive(Clone, Debug, PartialEq)]
pub struct Sending {
    pub name: String,
    pub sent: u64,
    pub size: u64,
}

/// Spreads the request's bytes sent (of `total`) over the files in `rows`.
pub fn record_progress(rows: RwSignal<Vec<Sending>>, sent: u64, total: u64) {
    rows.update(|rows| {
        let sizes: Vec<u64> = rows.iter().map(|r| r.size).collect();
        for (row, done) in rows.iter_mut().zip(files_sent(&sizes, sent, total)) {
            row.sent = done;
        }
    });
}

/// Each file's progress bar, labelled with its name and the share sent.
#[component]
pub fn UploadProgress(rows: RwSignal<Vec<Sending>>) -> impl IntoView {
    let bar = |(i, r): (usize, Sending)| {
        let id = format!("sending-{i}");
        let percent = (r.sent * 100).checked_div(r.size).unwrap_or(100);
        view! {
            <li>
                <label for=id.clone()>{format!("{} {percent}%", r.name)}</label>
                <progress id=id max=r.size.to_string() value=r.sent.to_string()>{format!("{percent}%")}</progress>
            </li>
        }
    };
    move || {
        (!rows.with(Vec::is_empty)).then(|| {
            view! {
                <section class="panel" aria-label="上传进度">
                    <h2>"上传进度"</h2>
                    <ul class="progress">{rows.get().into_iter().enumerate().map(bar).collect_view()}</ul>
                </section>
            }
        })
    }
}
