//! The code-shape invariants ARCHITECTURE.md promises, checked on every
//! test run: SQL only in `backend/src/db/`, no `unwrap`/`expect` in the
//! Worker, no source file over 400 lines.

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("readable source tree").flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    fn sources(crate_dir: &str) -> Vec<(String, String)> {
        let mut files = Vec::new();
        rust_files(&root().join(crate_dir).join("src"), &mut files);
        files
            .into_iter()
            .map(|p| {
                let name = p.strip_prefix(root()).unwrap_or(&p).display().to_string();
                (name, fs::read_to_string(&p).expect("UTF-8 source"))
            })
            .collect()
    }

    /// The lines before a file's `#[cfg(test)]` module: what ships.
    fn shipped(text: &str) -> &str {
        text.split("#[cfg(test)]").next().unwrap_or(text)
    }

    #[test]
    fn sql_lives_only_in_the_db_modules() {
        let keywords = ["\"SELECT ", "\"INSERT ", "\"UPDATE ", "\"DELETE ", "\"WITH ", "\"CREATE "];
        for (name, text) in sources("backend").into_iter().chain(sources("notifier")) {
            if name.starts_with("backend/src/db/") || name == "notifier/src/db.rs" {
                continue;
            }
            for (i, line) in text.lines().enumerate() {
                assert!(!keywords.iter().any(|k| line.contains(k)), "{name}:{}: SQL outside db/: {line}", i + 1);
            }
        }
    }

    #[test]
    fn the_worker_never_unwraps() {
        for (name, text) in sources("backend").into_iter().chain(sources("notifier")) {
            for (i, line) in shipped(&text).lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                assert!(!code.contains(".unwrap()") && !code.contains(".expect("), "{name}:{}: {line}", i + 1);
            }
        }
    }

    #[test]
    fn no_source_file_is_over_400_lines() {
        for krate in ["shared", "backend", "notifier", "frontend", "frontend/staff", "xtask"] {
            for (name, text) in sources(krate) {
                let lines = text.lines().count();
                assert!(lines <= 400, "{name} has {lines} lines: split it where a reader would");
            }
        }
    }
}
