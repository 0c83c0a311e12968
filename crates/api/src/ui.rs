//! The explorer page: three static files built into the binary and served at `/` and
//! `/static/...`. They are not part of the JSON API, so they stay out of the OpenAPI
//! document; [`UI_PATHS`] lists them so the tests can check exactly these are served.

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::AppState;

/// The page's files: (path, content type, bytes). Nothing else is served outside the API.
const FILES: [(&str, &str, &[u8]); 3] = [
    (
        "/",
        "text/html; charset=utf-8",
        include_bytes!("../static/index.html"),
    ),
    (
        "/static/app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../static/app.js"),
    ),
    (
        "/static/style.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/style.css"),
    ),
];

/// Every path the explorer serves, none of them in the OpenAPI document.
pub const UI_PATHS: [&str; 3] = [FILES[0].0, FILES[1].0, FILES[2].0];

/// Only this server's own scripts, styles and API; no inline code, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The page's routes, each answering its embedded file with its content type and the CSP.
pub fn router() -> Router<AppState> {
    FILES
        .iter()
        .fold(Router::new(), |router, &(path, content_type, body)| {
            router.route(
                path,
                get(move || async move {
                    (
                        [
                            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                            (
                                header::CONTENT_SECURITY_POLICY,
                                HeaderValue::from_static(CONTENT_SECURITY_POLICY),
                            ),
                            (
                                header::X_CONTENT_TYPE_OPTIONS,
                                HeaderValue::from_static("nosniff"),
                            ),
                            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                        ],
                        body,
                    )
                        .into_response()
                }),
            )
        })
}
