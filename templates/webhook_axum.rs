//! Twilio's webhooks in an axum app (feature `axum`): the [`TwilioWebhook`]
//! extractor, and `IntoResponse` for its rejections{% if api.webhooks.is_some() %} and for the answers to
//! pre-action events{% endif %}.

use axum_core::extract::{FromRef, FromRequest, Request};
use axum_core::response::{IntoResponse, Response};

use crate::{FromWebhook, VerifiedWebhook, WebhookConfig, WebhookRejection};

/// An axum extractor for a webhook request from Twilio: it reads the body
/// (up to the config's limit), checks the signature, and decodes the
/// payload into `E`{% if let Some(hooks) = api.webhooks %}, such as [`{{ hooks.enum_name }}`](crate::{{ hooks.enum_name }}){% endif %}, or `Vec<(String, String)>` for
/// the form's pairs as they came.
///
/// It fails with a [`WebhookRejection`], which answers 403 for a missing or
/// wrong signature (with nothing in the body that helps whoever forged it),
/// 413 for a body over the limit and 400 for a payload that does not
/// decode; with the `tracing` feature, each refusal is logged, without a
/// token or a value from the request.
///
/// The [`WebhookConfig`] comes from the router's state (the state itself,
/// or a part of it through `FromRef`), or, in a router without state, from
/// an `axum::Extension` layer. Behind a [`TwilioWebhookLayer`](crate::TwilioWebhookLayer),
/// the layer has checked the request already and the extractor only decodes.
///
/// ```
/// # #[cfg(feature = "axum")]
/// # mod app {
/// use {{ api.lib_name }}::{RequestValidator, TwilioWebhook, WebhookConfig};
{% if let Some(hooks) = api.webhooks %}
/// use {{ api.lib_name }}::{ {{ hooks.enum_name }}, WebhookAnswer};
///
/// async fn hook(TwilioWebhook(event): TwilioWebhook<{{ hooks.enum_name }}>) -> WebhookAnswer {
///     println!("{}", event.event_type());
///     WebhookAnswer::proceed()
/// }
{% else %}
///
/// async fn hook(TwilioWebhook(form): TwilioWebhook<Vec<(String, String)>>) -> &'static str {
///     println!("{} parameters", form.len());
///     ""
/// }
{% endif %}
///
/// // The router's state (or the part `FromRef` gives):
/// // Router::new().route("/twilio", post(hook)).with_state(config())
/// pub fn config() -> WebhookConfig {
///     WebhookConfig::new(RequestValidator::new("your_auth_token")).public_url("https://hooks.example.com")
/// }
/// # }
/// # fn main() {}
/// ```
#[derive(Debug, Clone)]
pub struct TwilioWebhook<E>(pub E);

impl<S, E> FromRequest<S> for TwilioWebhook<E>
where
    S: Send + Sync,
    E: FromWebhook,
    WebhookConfig: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let outcome = extract(request, WebhookConfig::from_ref(state)).await;
        if let Err(rejection) = &outcome {
            rejection.log();
        }
        outcome.map(TwilioWebhook)
    }
}

async fn extract<E: FromWebhook>(request: Request, config: WebhookConfig) -> Result<E, WebhookRejection> {
    let (parts, body) = request.into_parts();
    let verified = match parts.extensions.get::<VerifiedWebhook>() {
        Some(verified) => verified.clone(),
        None => {
            let config = if config.is_placeholder() {
                parts.extensions.get::<WebhookConfig>().cloned().ok_or(WebhookRejection::MissingConfig)?
            } else {
                config
            };
            let bytes = crate::webhook_layer::read_body(&parts.headers, body, config.limit()).await?;
            config.verify(&parts.headers, &parts.uri, bytes)?
        }
    };
    E::from_webhook(verified).map_err(WebhookRejection::Undecodable)
}

impl FromRef<()> for WebhookConfig {
    /// For a router without state: the extractor then takes the
    /// configuration from the request's extensions (an `axum::Extension`
    /// layer, say).
    fn from_ref(_: &()) -> Self {
        WebhookConfig::in_extensions()
    }
}

impl IntoResponse for WebhookRejection {
    /// The status, and a plain-text body that names the kind of failure only.
    fn into_response(self) -> Response {
        (self.status(), self.body_text()).into_response()
    }
}
{% if let Some(hooks) = api.webhooks %}

impl IntoResponse for crate::WebhookAnswer {
    /// The answer's status, with its JSON body when it has one.
    fn into_response(self) -> Response {
        let status = http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::FORBIDDEN);
        match (self.body(), self.content_type()) {
            (Some(body), Some(content_type)) => {
                (status, [(http::header::CONTENT_TYPE, content_type)], body.to_owned()).into_response()
            }
            _ => status.into_response(),
        }
    }
}
{% for e in hooks.events %}
{% if let Some(response) = e.response %}

impl IntoResponse for crate::{{ response.name }} {
    /// [`answer`](Self::answer) as a response.
    fn into_response(self) -> Response {
        self.answer().into_response()
    }
}
{% endif %}
{% endfor %}
{% endif %}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request to `/hook` on `hooks.example.com` with `body`, signed with `signature`.
    fn request(body: &'static str, signature: &str) -> Request {
        http::Request::post("/hook")
            .header(http::header::HOST, "hooks.example.com")
            .header(crate::SIGNATURE_HEADER, signature)
            .body(axum_core::body::Body::from(body))
            .unwrap_or_default()
    }

    fn config() -> WebhookConfig {
        WebhookConfig::new(crate::RequestValidator::new("the-auth-token"))
    }

    #[tokio::test]
    async fn the_extractor_reads_checks_and_decodes() {
        let form = [("EventType", "onX"), ("Body", "hi")];
        let signature = crate::RequestValidator::new("the-auth-token").expected_signature("https://hooks.example.com/hook", form);
        let body = "EventType=onX&Body=hi";
        let TwilioWebhook(pairs) = TwilioWebhook::<Vec<(String, String)>>::from_request(request(body, &signature), &config()).await.unwrap();
        assert_eq!(pairs.len(), 2);
        let refused = TwilioWebhook::<Vec<(String, String)>>::from_request(request("EventType=onY&Body=hi", &signature), &config()).await.unwrap_err();
        assert_eq!(refused.into_response().status(), http::StatusCode::FORBIDDEN);
        let small = config().body_limit(4);
        let refused = TwilioWebhook::<Vec<(String, String)>>::from_request(request(body, &signature), &small).await.unwrap_err();
        assert_eq!(refused, WebhookRejection::TooLarge { limit: 4 });
    }

    #[cfg(feature = "tracing")]
    #[tokio::test]
    async fn refusals_are_logged_without_tokens_or_values() {
        use std::sync::{Arc, Mutex};

        #[derive(Clone, Default)]
        struct Buffer(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }

        crate::telemetry::keep_callsites_enabled();
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt().with_writer(move || writer.clone()).with_ansi(false).finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let form = [("Index", "private-value")];
        let signature = crate::RequestValidator::new("the-auth-token").expected_signature("https://hooks.example.com/hook", form);
        let forged = TwilioWebhook::<Vec<(String, String)>>::from_request(request("Body=private-text", "forged-signature"), &config()).await;
        assert!(forged.is_err());
        let undecodable = TwilioWebhook::<serde_json::Value>::from_request(request("Index=private-value", &signature), &config()).await;
        assert!(undecodable.is_err());

        let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
        for expected in ["refused a Twilio webhook", "status=403", "does not match", "status=400", "has a form body, not JSON"] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
        for secret in ["the-auth-token", "forged-signature", &signature, "private-text", "private-value"] {
            assert!(!text.contains(secret), "{secret} leaked into {text}");
        }
    }
}
