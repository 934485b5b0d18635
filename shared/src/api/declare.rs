//! `endpoints!`: declares endpoints (one unit struct each, implementing
//! [`super::Endpoint`]) and lists them for the router's tests and the
//! OpenAPI generator. Each file of declarations (`endpoints.rs`, one per
//! newer line of work) calls it once; `mod.rs` joins the lists.

macro_rules! endpoints {
    ($(
        $(#[$doc:meta])*
        $name:ident: $method:ident $path:literal, $access:ident, $summary:literal,
            query $query:ty, body $body:ty = $body_kind:expr, answer $status:literal $response:ty = $response_kind:expr,
            errors [$($error:ident),* $(,)?];
    )*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl Endpoint for $name {
                const METHOD: Method = Method::$method;
                const PATH: &'static str = $path;
                const ACCESS: Access = Access::$access;
                const SUMMARY: &'static str = $summary;
                const STATUS: u16 = $status;
                const BODY: Payload = $body_kind;
                const RESPONSE: Payload = $response_kind;
                const ERRORS: &'static [ErrorCode] = &[$($error),*];
                type Query = $query;
                type Body = $body;
                type Response = $response;
            }
        )*

        /// This file's endpoints' methods and paths, in declaration order.
        pub(super) const DECLARED: &[(Method, &str)] = &[$((Method::$method, $path)),*];

        /// Calls `visit::<E>()` for each of this file's endpoints.
        #[cfg(feature = "schema")]
        pub(super) fn visit_each(visit: &mut impl super::openapi::Visit) {
            $(visit.visit::<$name>();)*
        }
    };
}
