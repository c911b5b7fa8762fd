//! The generated client on the wire, against an in-process mock server.
//!
//! Every server here is a `wiremock::MockServer` on 127.0.0.1, except where a
//! test needs the raw request line as the client wrote it (wiremock re-parses
//! the URL); those use a one-shot `std::net::TcpListener`, also on 127.0.0.1.

mod auth;
mod cancel;
mod common;
mod crud;
mod debug;
mod errors;
mod futures;
mod hostile;
mod http_client;
mod media;
mod pagination;
mod paths;
mod retries;
mod roles;
