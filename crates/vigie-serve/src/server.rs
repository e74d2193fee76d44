//! The HTTP server: a few worker threads, each with its own connection to
//! the store, take requests from one listener and answer them with
//! [`Api::handle`]. Every response carries headers that keep the browser
//! from running anything but the dashboard's own script.

use crate::api::{Api, Request, Response, MAX_BODY_BYTES};
use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use vigie_store::Store;

/// Where and how to serve.
pub struct ServeConfig {
    pub db: PathBuf,
    /// `host:port`; port 0 picks a free one.
    pub addr: String,
    /// Enables `POST /api/ingest` for requests bearing this token.
    pub token: Option<String>,
    pub workers: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {reason}")]
    Listen { addr: String, reason: String },
    #[error(transparent)]
    Store(#[from] vigie_store::StoreError),
}

/// Scripts only from the dashboard itself; article text is data, never code.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A running server: its address, and a way to stop it.
pub struct Running {
    pub addr: String,
    server: Arc<tiny_http::Server>,
    workers: Vec<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Serves until the process ends.
    pub fn wait(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }

    /// Stops taking requests and waits for the workers.
    pub fn stop(self) {
        self.server.unblock();
        for _ in 1..self.workers.len() {
            self.server.unblock();
        }
        self.wait();
    }
}

/// Starts serving `config.db` on `config.addr`.
pub fn start(config: ServeConfig) -> Result<Running, ServeError> {
    // Open once up front: a bad database fails here, with a message, not in a worker.
    drop(Store::open(&config.db)?);
    let server =
        tiny_http::Server::http(&config.addr).map_err(|e| ServeError::Listen { addr: config.addr.clone(), reason: e.to_string() })?;
    let server = Arc::new(server);
    let addr = server.server_addr().to_string();
    let api = Arc::new(Api::new(config.token));
    let workers = (0..config.workers.max(1))
        .map(|_| {
            let (server, api, db) = (server.clone(), api.clone(), config.db.clone());
            std::thread::spawn(move || {
                let Ok(mut store) = Store::open(&db) else { return };
                while let Ok(mut request) = server.recv() {
                    let response = answer(&api, &mut store, &mut request);
                    let _ = request.respond(response);
                }
            })
        })
        .collect();
    Ok(Running { addr, server, workers })
}

fn answer(api: &Api, store: &mut Store, request: &mut tiny_http::Request) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let declared = request.body_length().unwrap_or(0);
    let response = if declared > MAX_BODY_BYTES {
        Response {
            status: 413,
            content_type: "application/json",
            body: format!("{{\"error\":\"request body over {MAX_BODY_BYTES} bytes\",\"status\":413}}").into_bytes(),
        }
    } else {
        let mut body = Vec::new();
        let read = request.as_reader().take(MAX_BODY_BYTES as u64 + 1).read_to_end(&mut body);
        let method = request.method().as_str().to_string();
        let url = request.url().to_string();
        let authorization = request.headers().iter().find(|h| h.field.equiv("Authorization")).map(|h| h.value.as_str().to_string());
        match read {
            Err(_) => Response {
                status: 400,
                content_type: "application/json",
                body: b"{\"error\":\"unreadable request body\",\"status\":400}".to_vec(),
            },
            Ok(_) => {
                let req = Request { method: &method, url: &url, body: &body, authorization: authorization.as_deref() };
                // A bug must not take the server down: it becomes a 500 for this request.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| api.handle(store, &req))).unwrap_or_else(|_| Response {
                    status: 500,
                    content_type: "application/json",
                    body: b"{\"error\":\"internal error\",\"status\":500}".to_vec(),
                })
            }
        }
    };
    let header = |name: &str, value: &str| tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header");
    tiny_http::Response::from_data(response.body)
        .with_status_code(response.status)
        .with_header(header("Content-Type", response.content_type))
        .with_header(header("Content-Security-Policy", CSP))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("Cache-Control", "no-store"))
}
