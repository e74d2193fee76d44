//! The HTTP server: hyper connections on a tokio runtime, routed by axum to
//! [`Api::handle`], which runs on a blocking thread with a store connection
//! from a small pool. What a client cannot do, by construction:
//! - stall the server: request heads must arrive within [`HEAD_TIMEOUT`] and
//!   fit in [`MAX_HEAD_BYTES`] and [`MAX_HEADERS`]; a connection lives at most
//!   [`CONNECTION_LIFETIME`]; at most [`MAX_CONNECTIONS`] are open at once;
//!   only `workers` requests touch the store at a time, and a slow client
//!   holds none of them while it sends;
//! - make the server read a body it has no use for: only an authorised
//!   `POST /api/ingest` is read, capped at [`MAX_BODY_BYTES`] while streaming,
//!   within [`BODY_TIMEOUT`];
//! - reach it through another name (DNS rebinding): the `Host` header must be
//!   the bound address, `localhost` on its port, or a name given with `--allow-host`.
//!
//! Every response carries headers that keep the browser from running
//! anything but the dashboard's own script.

use crate::api::{Api, Request, Response, MAX_BODY_BYTES};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{watch, Semaphore};
use tower_http::set_header::SetResponseHeaderLayer;
use vigie_store::Store;

/// A request head must arrive within this time...
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// ...and be at most this big, with at most this many headers.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
pub const MAX_HEADERS: usize = 64;
/// A posted body must arrive within this time.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// No connection stays open longer, however it is used.
pub const CONNECTION_LIFETIME: Duration = Duration::from_secs(300);
/// Connections past this many are closed as soon as they are accepted.
pub const MAX_CONNECTIONS: usize = 1024;
/// How long a stop waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Where and how to serve.
pub struct ServeConfig {
    pub db: PathBuf,
    /// `host:port`; port 0 picks a free one.
    pub addr: String,
    /// Enables `POST /api/ingest` (and large exports) for requests bearing this token.
    pub token: Option<String>,
    /// Requests that work on the store at the same time.
    pub workers: usize,
    /// Other names the server may be reached by (`Host` header), e.g. behind a proxy.
    pub allow_hosts: Vec<String>,
    /// Serve a non-loopback address without a token.
    pub public: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {reason}")]
    Listen { addr: String, reason: String },
    #[error(
        "{addr} is reachable from other machines: give --token (writes and large exports need it), or --public to serve it without one"
    )]
    Exposed { addr: String },
    #[error(transparent)]
    Store(#[from] vigie_store::StoreError),
}

/// Scripts only from the dashboard itself; article text is data, never code.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A running server: its address, and a way to stop it.
pub struct Running {
    pub addr: String,
    /// Whether other machines can reach it (not bound to loopback).
    pub exposed: bool,
    stop: watch::Sender<bool>,
    thread: std::thread::JoinHandle<()>,
}

impl Running {
    /// Serves until the process ends.
    pub fn wait(self) {
        let _ = self.thread.join();
    }

    /// Stops taking connections, lets requests in flight finish (a few seconds at most) and returns.
    pub fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.thread.join();
    }
}

/// What every request shares.
struct Shared {
    api: Api,
    db: PathBuf,
    /// Store connections not in use.
    pool: Mutex<Vec<Store>>,
    workers: Semaphore,
    hosts: Vec<String>,
}

/// Starts serving `config.db` on `config.addr`.
pub fn start(config: ServeConfig) -> Result<Running, ServeError> {
    // Open once up front: a bad database fails here, with a message, not in a request.
    let first = Store::open(&config.db)?;
    let listen_error = |e: std::io::Error| ServeError::Listen { addr: config.addr.clone(), reason: e.to_string() };
    let listener = std::net::TcpListener::bind(&config.addr).map_err(listen_error)?;
    listener.set_nonblocking(true).map_err(listen_error)?;
    let local = listener.local_addr().map_err(listen_error)?;
    let exposed = !local.ip().is_loopback();
    if exposed && config.token.is_none() && !config.public {
        return Err(ServeError::Exposed { addr: local.to_string() });
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(config.workers.max(1) + 2)
        .enable_all()
        .build()
        .map_err(listen_error)?;
    let shared = Arc::new(Shared {
        api: Api::new(config.token),
        db: config.db,
        pool: Mutex::new(vec![first]),
        workers: Semaphore::new(config.workers.max(1)),
        hosts: allowed_hosts(local, &config.allow_hosts),
    });
    let (stop, stopped) = watch::channel(false);
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            match tokio::net::TcpListener::from_std(listener) {
                Ok(listener) => accept(listener, shared, stopped).await,
                Err(e) => eprintln!("vigie: cannot listen: {e}"),
            }
        });
        runtime.shutdown_timeout(SHUTDOWN_GRACE);
    });
    Ok(Running { addr: local.to_string(), exposed, stop, thread })
}

/// The `Host` values a request may carry.
fn allowed_hosts(local: SocketAddr, extra: &[String]) -> Vec<String> {
    let port = local.port();
    let mut hosts = vec![local.to_string(), format!("localhost:{port}")];
    if local.ip().is_loopback() {
        hosts.extend([format!("127.0.0.1:{port}"), format!("[::1]:{port}")]);
    }
    for h in extra {
        hosts.push(h.to_ascii_lowercase());
        hosts.push(format!("{}:{port}", h.to_ascii_lowercase()));
    }
    hosts
}

async fn accept(listener: tokio::net::TcpListener, shared: Arc<Shared>, mut stopped: watch::Receiver<bool>) {
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let router = axum::Router::new()
        .fallback(handle)
        .with_state(shared)
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    loop {
        let stream = tokio::select! {
            _ = stopped.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors or a reset before accept: wait a little, go on.
                Err(_) => { tokio::time::sleep(Duration::from_millis(10)).await; continue }
            },
        };
        let Ok(permit) = connections.clone().try_acquire_owned() else { continue };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD_BYTES)
                .max_headers(MAX_HEADERS);
            let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            tokio::pin!(connection);
            let lifetime = tokio::time::sleep(CONNECTION_LIFETIME);
            tokio::pin!(lifetime);
            let finished = tokio::select! {
                _ = connection.as_mut() => true,
                _ = &mut lifetime => false,
                _ = stopped.changed() => false,
            };
            // Past its lifetime or at a stop, a connection finishes the request in flight, then closes.
            if !finished {
                connection.as_mut().graceful_shutdown();
                let _ = tokio::time::timeout(SHUTDOWN_GRACE, connection.as_mut()).await;
            }
            drop(permit);
        });
    }
    // Let requests in flight end before the runtime goes.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, connections.acquire_many(MAX_CONNECTIONS as u32)).await;
}

async fn handle(State(shared): State<Arc<Shared>>, request: axum::extract::Request) -> axum::response::Response {
    let (parts, body) = request.into_parts();
    let host = parts.headers.get(header::HOST).and_then(|h| h.to_str().ok()).map(str::to_ascii_lowercase);
    if host.as_ref().is_none_or(|h| !shared.hosts.contains(h)) {
        let shown = host.unwrap_or_else(|| "(none)".into());
        return respond(Response::error(421, format!("this server is not reached as {shown}; start it with --allow-host NAME")), false);
    }
    let head = parts.method == Method::HEAD;
    let method = if head { "GET".to_string() } else { parts.method.as_str().to_string() };
    let url = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
    let authorization = parts.headers.get(header::AUTHORIZATION).and_then(|h| h.to_str().ok()).map(str::to_string);
    // Only an authorised write is read; any other body is never waited for.
    let writes = shared.api.reads_body(&method, &url, authorization.as_deref());
    let body = if writes {
        let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
            return respond(Response::error(413, format!("request body over {MAX_BODY_BYTES} bytes")), head);
        }
        match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY_BYTES)).await {
            Ok(Ok(bytes)) => bytes.to_vec(),
            Ok(Err(_)) => return respond(Response::error(413, format!("request body over {MAX_BODY_BYTES} bytes")), head),
            Err(_) => {
                return respond(Response::error(408, format!("the request body did not arrive within {} s", BODY_TIMEOUT.as_secs())), head)
            }
        }
    } else {
        drop(body);
        Vec::new()
    };
    let Ok(_worker) = shared.workers.acquire().await else {
        return respond(Response::error(503, "the server is stopping"), head);
    };
    let work = shared.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let shared = work;
        let store = shared.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        let mut store = match store.map(Ok).unwrap_or_else(|| Store::open(&shared.db)) {
            Ok(store) => store,
            Err(e) => return Response::error(500, e.to_string()),
        };
        let req = Request { method: &method, url: &url, body: &body, authorization: authorization.as_deref() };
        // A bug must not take the server down: it becomes a 500 for this request.
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| shared.api.handle(&mut store, &req)));
        // A connection goes back to the pool only with nothing left open: never holding the write lock.
        match answer {
            Ok(response) => {
                if store.commit().is_ok() {
                    if let Ok(mut pool) = shared.pool.lock() {
                        pool.push(store);
                    }
                }
                response
            }
            Err(_) => {
                let _ = store.rollback();
                Response::error(500, "internal error")
            }
        }
    })
    .await
    .unwrap_or_else(|_| Response::error(500, "internal error"));
    respond(answer, head)
}

/// The HTTP response for an API answer; `HEAD` gets the headers only.
fn respond(answer: Response, head: bool) -> axum::response::Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let length = answer.body.len();
    let body = if head { Body::empty() } else { Body::from(answer.body) };
    let mut response = axum::response::Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(answer.content_type));
    response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    response
}
