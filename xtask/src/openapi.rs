//! `cargo xtask openapi`: the OpenAPI 3.1 document generated from the API
//! contract in `shared::api`, committed as `backend/openapi.json`, which
//! `scripts/build.sh` publishes as a static asset that the Worker passes on
//! at `/api/openapi.json` (a test fails if it drifts).

pub fn document() -> String {
    let doc = shared::api::openapi::document();
    format!("{}\n", serde_json::to_string_pretty(&doc).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_document_is_the_generated_one() {
        let committed = include_str!("../../backend/openapi.json");
        assert!(committed == super::document(), "backend/openapi.json is stale: run `cargo xtask openapi > backend/openapi.json`");
    }

    #[test]
    fn every_endpoint_is_documented_with_its_errors() {
        let doc: serde_json::Value = serde_json::from_str(&super::document()).unwrap();
        let paths = doc["paths"].as_object().unwrap();
        for (method, path) in shared::api::all() {
            let op = &paths[path][method.as_str().to_lowercase()];
            assert!(op.is_object(), "{method:?} {path}");
            assert!(op["responses"]["500"].is_object(), "{path}: every endpoint may fail internally");
        }
        let refs = super::document().matches("#/components/schemas/").count();
        assert!(refs > 40);
        // Every reference resolves.
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for r in super::document().split("\"#/components/schemas/").skip(1) {
            let name = &r[..r.find('"').unwrap()];
            assert!(schemas.contains_key(name), "unresolved {name}");
        }
    }
}
