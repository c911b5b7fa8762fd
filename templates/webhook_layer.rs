//! Twilio's webhooks checked in front of any tower service (feature `tower`):
//! hyper, tonic, or an axum router used as a service.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Request, Response};
use http_body::Body;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};

use crate::{WebhookConfig, WebhookRejection};

/// A [`tower_layer::Layer`] that checks the `X-Twilio-Signature` of every
/// request before the service it wraps sees it.
///
/// The body is read whole (up to the config's limit), the signature is
/// checked against the URL the config rebuilds, and then:
///
/// - a request whose signature matches goes on to the inner service as a
///   `Request<http_body_util::Full<Bytes>>` holding the same body, with a
///   [`VerifiedWebhook`](crate::VerifiedWebhook) in its extensions (where
///   the axum extractor finds it, so it does not check again);
/// - any other is answered by the layer itself, with an empty body: 403
///   for a missing or wrong signature, 413 for a body over the limit, 400
///   for one that cannot be read. The inner service never sees it.
///
/// ```
/// use {{ api.lib_name }}::{RequestValidator, TwilioWebhookLayer, WebhookConfig};
///
/// let layer = TwilioWebhookLayer::new(WebhookConfig::new(RequestValidator::new("your_auth_token")).public_url("https://hooks.example.com"));
/// // tower::ServiceBuilder::new().layer(layer).service(your_service), or
/// // axum::Router::new().route(...).layer(layer)
/// # let _ = layer;
/// ```
#[derive(Debug, Clone)]
pub struct TwilioWebhookLayer {
    config: WebhookConfig,
}

impl TwilioWebhookLayer {
    /// A layer that checks requests with `config`.
    pub fn new(config: WebhookConfig) -> Self {
        TwilioWebhookLayer { config }
    }
}

impl<S> tower_layer::Layer<S> for TwilioWebhookLayer {
    type Service = TwilioWebhookService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        TwilioWebhookService {
            inner,
            config: self.config.clone(),
        }
    }
}

/// The service [`TwilioWebhookLayer`] wraps around another.
#[derive(Debug, Clone)]
pub struct TwilioWebhookService<S> {
    inner: S,
    config: WebhookConfig,
}

impl<S, B, ResBody> tower_service::Service<Request<B>> for TwilioWebhookService<S>
where
    S: tower_service::Service<Request<Full<Bytes>>, Response = Response<ResBody>> + Clone
        + Send + 'static,
    S::Future: Send,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    ResBody: Default + Send + 'static,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = Pin<
        Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>,
    >;
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let config = self.config.clone();
        Box::pin(async move {
            let (mut parts, body) = request.into_parts();
            let verified = match read_body(&parts.headers, body, config.limit()).await {
                Ok(bytes) => config.verify(&parts.headers, &parts.uri, bytes),
                Err(rejection) => Err(rejection),
            };
            match verified {
                Ok(verified) => {
                    let body = Full::new(Bytes::copy_from_slice(verified.body()));
                    parts.extensions.insert(verified);
                    inner.call(Request::from_parts(parts, body)).await
                }
                Err(rejection) => {
                    rejection.log();
                    let mut response = Response::new(ResBody::default());
                    *response.status_mut() = rejection.status();
                    Ok(response)
                }
            }
        })
    }
}

/// The whole body, at most `limit` bytes: a larger one (by its
/// `Content-Length`, or as it is read) is [`WebhookRejection::TooLarge`].
pub(crate) async fn read_body<B>(
    headers: &http::HeaderMap,
    body: B,
    limit: usize,
) -> Result<Vec<u8>, WebhookRejection>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let declared = headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(WebhookRejection::TooLarge {
            limit,
        });
    }

    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            Err(WebhookRejection::TooLarge {
                limit,
            })
        }
        Err(_) => Err(WebhookRejection::Unreadable),
    }
}
