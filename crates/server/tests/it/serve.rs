//! A real listener on 127.0.0.1:0: requests over TCP, and graceful shutdown that lets a push in
//! flight finish (its batch committed and its receipt delivered) before the server stops.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{Harness, example_zip};

async fn read_all(mut s: TcpStream) -> String {
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    String::from_utf8_lossy(&buf).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn graceful_shutdown_finishes_a_push_in_flight() {
    let h = Harness::new().await;
    let key = h.platform_key("tmall").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(tianping_server::serve_on(
        listener,
        h.state.clone(),
        async {
            let _ = stopped.await;
        },
    ));

    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let health = read_all(s).await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");

    // A push whose body is half sent when shutdown begins.
    let zip = example_zip("tmall-2026-03-01-0001");
    let (first, rest) = zip.split_at(zip.len() / 2);
    let mut s = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/v1/batches HTTP/1.1\r\nHost: t\r\nX-Api-Key: {key}\r\nContent-Type: application/zip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        zip.len()
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s.write_all(first).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.send(()).unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !server.is_finished(),
        "the server waits for the request in flight"
    );
    s.write_all(rest).await.unwrap();
    let answer = read_all(s).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"status\":\"accepted\""), "{answer}");
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops after the request")
        .unwrap()
        .unwrap();
    assert_eq!(h.store().batches(10).await.unwrap().len(), 1);
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no longer listening"
    );
}
