//! How the form's files go up from a phone: a camera photo (3–8 MB at
//! 4000×3000) is scaled down before upload to a size that stays readable for
//! a material (a licence, an identity card), and each file's progress is
//! read from the request's bytes sent. The server's limits and content
//! checks (`application::check_uploads`) are the same for a scaled file.

/// The long edge a photo is scaled to: at 2000 px an A4 page still reads at
/// about 170 dpi, a card's small print clearly.
pub const PHOTO_LONG_EDGE: u32 = 2000;
/// The JPEG quality of a scaled photo (the canvas encoder's 0–1 scale).
pub const PHOTO_JPEG_QUALITY: f64 = 0.85;

/// The size a `width`×`height` photo is scaled to, its long edge
/// [`PHOTO_LONG_EDGE`] and its proportions kept; `None` when it is no
/// larger than that already (it goes up unchanged).
pub fn scaled_size(width: u32, height: u32) -> Option<(u32, u32)> {
    let long = width.max(height);
    if long <= PHOTO_LONG_EDGE || width == 0 || height == 0 {
        return None;
    }
    let scale = |edge: u32| ((u64::from(edge) * u64::from(PHOTO_LONG_EDGE) + u64::from(long) / 2) / u64::from(long)).max(1) as u32;
    Some((scale(width), scale(height)))
}

/// Whether the scaled file replaces the original: only when it is smaller
/// (a small PNG of a few colours can grow as a JPEG).
pub fn keep_scaled(original_bytes: u64, scaled_bytes: u64) -> bool {
    scaled_bytes > 0 && scaled_bytes < original_bytes
}

/// The scaled file's name: the original's, with the extension `.jpg` unless
/// it already names a JPEG (the type the server sniffs and the name agree).
pub fn jpeg_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((_, ext)) if ext.eq_ignore_ascii_case("jpg") || ext.eq_ignore_ascii_case("jpeg") => name.to_string(),
        Some((stem, _)) if !stem.is_empty() => format!("{stem}.jpg"),
        _ => format!("{name}.jpg"),
    }
}

/// Bytes of each file sent so far, given the files' sizes in the order they
/// are in the request and the request's bytes `sent` of `total`. The form
/// and the multipart framing (`total` less the files) are counted as coming
/// first, so a file shows complete only once its last byte has gone.
pub fn files_sent(sizes: &[u64], sent: u64, total: u64) -> Vec<u64> {
    let files: u64 = sizes.iter().sum();
    let mut left = sent.min(total).saturating_sub(total.saturating_sub(files));
    sizes
        .iter()
        .map(|&size| {
            let done = left.min(size);
            left -= done;
            done
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_camera_photo_is_scaled_to_the_long_edge_keeping_its_proportions() {
        assert_eq!(scaled_size(4000, 3000), Some((2000, 1500)));
        assert_eq!(scaled_size(3000, 4000), Some((1500, 2000)));
        assert_eq!(scaled_size(4032, 3024), Some((2000, 1500)));
        assert_eq!(scaled_size(9000, 10), Some((2000, 2)));
        assert_eq!(scaled_size(100_000, 1), Some((2000, 1)), "never a zero edge");
    }

    #[test]
    fn a_photo_no_larger_than_the_long_edge_goes_up_unchanged() {
        assert_eq!(scaled_size(2000, 1500), None);
        assert_eq!(scaled_size(640, 480), None);
        assert_eq!(scaled_size(0, 5000), None);
    }

    #[test]
    fn the_scaled_file_is_kept_only_when_smaller() {
        assert!(keep_scaled(4_000_000, 900_000));
        assert!(!keep_scaled(200_000, 250_000));
        assert!(!keep_scaled(200_000, 200_000));
        assert!(!keep_scaled(200_000, 0));
    }

    #[test]
    fn a_scaled_photo_is_named_as_a_jpeg() {
        assert_eq!(jpeg_name("营业执照.JPG"), "营业执照.JPG");
        assert_eq!(jpeg_name("photo.jpeg"), "photo.jpeg");
        assert_eq!(jpeg_name("scan.png"), "scan.jpg");
        assert_eq!(jpeg_name("a.b.png"), "a.b.jpg");
        assert_eq!(jpeg_name("photo"), "photo.jpg");
        assert_eq!(jpeg_name(".png"), ".png.jpg");
    }

    #[test]
    fn the_bytes_sent_fill_the_files_in_order_after_the_form() {
        // 100 bytes of form and framing, then files of 50 and 30 bytes.
        let sizes = [50, 30];
        assert_eq!(files_sent(&sizes, 0, 180), [0, 0]);
        assert_eq!(files_sent(&sizes, 100, 180), [0, 0]);
        assert_eq!(files_sent(&sizes, 120, 180), [20, 0]);
        assert_eq!(files_sent(&sizes, 160, 180), [50, 10]);
        assert_eq!(files_sent(&sizes, 180, 180), [50, 30]);
        assert_eq!(files_sent(&sizes, 999, 180), [50, 30], "never past the end");
        assert_eq!(files_sent(&sizes, 70, 60), [50, 10], "a total short of the files");
        assert_eq!(files_sent(&[], 10, 10), Vec::<u64>::new());
    }
}
