use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A router served on 127.0.0.1 at a free port, with a client that keeps cookies.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Cookie-aware, no proxy, does not follow redirects (tests assert them).
    pub client: reqwest::Client,
    task: JoinHandle<()>,
}

impl TestApp {
    /// Binds port 0 and serves `router` with connection info (client address) available.
    pub async fn spawn(router: Router) -> TestApp {
        TestApp::spawn_with(|_| router).await
    }

    /// Like [`TestApp::spawn`], for a router that must know its own base URL
    /// (`http://127.0.0.1:PORT`) before it serves: links in mail, the allowed origin.
    pub async fn spawn_with(make: impl FnOnce(String) -> Router) -> TestApp {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
        let addr = listener.local_addr().expect("local addr");
        let router = make(format!("http://{addr}"));
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        let task = tokio::spawn(async move {
            axum::serve(listener, service).await.expect("serve");
        });
        TestApp {
            addr,
            client: client(),
            task,
        }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A new cookie-aware client (a second browser, say).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("build client")
}
