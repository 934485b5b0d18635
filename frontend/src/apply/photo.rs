//! A chosen photo sized for the task before it goes up (the rule is
//! `shared::approvals::photo`): decoded to an image bitmap (turned upright
//! by its EXIF orientation), drawn on an offscreen canvas at the scaled size
//! and encoded as JPEG. PDFs, smaller images and anything that fails go up
//! as they are: the server checks a scaled file as any other.

use shared::approvals::application::FileKind;
use shared::approvals::photo::{jpeg_name, keep_scaled, scaled_size, PHOTO_JPEG_QUALITY};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, FilePropertyBag, ImageBitmap, ImageEncodeOptions, OffscreenCanvas, OffscreenCanvasRenderingContext2d};

/// `file` scaled, or `file` itself.
pub async fn sized(file: File) -> File {
    scaled(&file).await.unwrap_or(file)
}

async fn scaled(file: &File) -> Option<File> {
    if !matches!(FileKind::sniff(&read_head(file).await), Some(FileKind::Jpeg | FileKind::Png)) {
        return None;
    }
    let decoding = web_sys::window()?.create_image_bitmap_with_blob(file).ok()?;
    let bitmap: ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let blob = match scaled_size(bitmap.width(), bitmap.height()) {
        Some((width, height)) => encode(&bitmap, width, height).await,
        None => None,
    };
    // The decoded pixels (48 MB for 4000×3000) go now, not at the next GC.
    bitmap.close();
    let blob = blob.filter(|b| keep_scaled(file.size() as u64, b.size() as u64))?;
    let options = FilePropertyBag::new();
    options.set_type("image/jpeg");
    File::new_with_blob_sequence_and_options(&js_sys::Array::of1(&blob), &jpeg_name(&file.name()), &options).ok()
}

async fn encode(bitmap: &ImageBitmap, width: u32, height: u32) -> Option<Blob> {
    let canvas = OffscreenCanvas::new(width, height).ok()?;
    let context: OffscreenCanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let (w, h) = (f64::from(width), f64::from(height));
    // A PNG's transparent parts become white, not JPEG's black.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, w, h);
    context.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, w, h).ok()?;
    let options = ImageEncodeOptions::new();
    options.set_type("image/jpeg");
    options.set_quality(PHOTO_JPEG_QUALITY);
    JsFuture::from(canvas.convert_to_blob_with_options(&options).ok()?).await.ok()?.dyn_into().ok()
}

/// The first bytes of a file: its type is judged by them, as on the server.
pub async fn read_head(f: &File) -> Vec<u8> {
    let Ok(blob) = f.slice_with_i32_and_i32(0, 16) else { return Vec::new() };
    match JsFuture::from(blob.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
        Err(_) => Vec::new(),
    }
}
