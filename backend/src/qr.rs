//! QR codes as SVG, drawn by the Worker: phones scan them from a printed
//! receipt or a screen.

use shared::error::ApiError;

/// `text` as a QR code at least 200 px square.
pub fn svg(text: &str) -> Result<String, ApiError> {
    let qr = qrcode::QrCode::new(text.as_bytes()).map_err(|_| ApiError::internal())?;
    Ok(qr.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).build())
}
