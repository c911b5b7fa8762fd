//! The webhook events Twilio posts, typed (feature `webhooks`): one struct per
//! event type (each in a module of its own, its items exported from here),
//! the [`{{ hooks.enum_name }}`] enum of them all, and the answers to
//! pre-action events.
//!
//! Check the request's signature first ([`crate::RequestValidator`]), then
//! decode its form with [`{{ hooks.enum_name }}::from_form`]. Every field but
//! the event type is optional, as Twilio leaves fields out depending on where
//! the action came from: a missing field is `None`, and so is an empty one
//! (a form cannot say null). A field that is there but does not decode is an
//! [`EventError`] naming it.

use std::fmt;

{% for e in hooks.events %}
mod {{ e.module }};
{% endfor %}

{% for e in hooks.events %}
pub use {{ e.module }}::{ {% for name in e.exports() %}{{ name }}{% if !loop.last %}, {% endif %}{% endfor %} };
{% endfor %}

/// Why a webhook's form did not decode. Messages name the parameter, never
/// its value (which may be a message's text).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventError {
    /// The form has no `EventType` parameter.
    MissingEventType,
    /// A parameter appears more than once.
    Repeated {
        /// The parameter, e.g. `Body`.
        field: String,
    },
    /// A parameter's value is not what the event describes.
    Invalid {
        /// The parameter, e.g. `Index`.
        field: String,
        /// What was wrong with it.
        reason: String,
    },
}

impl EventError {
    /// The parameter the error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            EventError::MissingEventType => Some("EventType"),
            EventError::Repeated { field } | EventError::Invalid { field, .. } => Some(field),
        }
    }
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventError::MissingEventType => f.write_str("the webhook form has no EventType parameter"),
            EventError::Repeated { field } => {
                write!(f, "the webhook parameter `{field}` appears more than once")
            }
            EventError::Invalid { field, reason } => {
                write!(f, "the webhook parameter `{field}` does not decode: {reason}")
            }
        }
    }
}

impl std::error::Error for EventError {}

impl From<EventError> for crate::PayloadError {
    /// The parameter and the kind of error; the reason's text is left out,
    /// as it may quote the value.
    fn from(err: EventError) -> Self {
        let problem = match &err {
            EventError::MissingEventType => "is missing",
            EventError::Repeated { .. } => "appears more than once",
            EventError::Invalid { .. } => "does not decode",
        };
        crate::PayloadError::new(err.field(), problem)
    }
}

/// The answer to a pre-action webhook: let the action proceed (an empty
/// 200), proceed with changes (a 200 with JSON, from the event's
/// `...Response` builder), or reject it (any status outside 2xx).
{% if api.has_personal_data() %}
///
/// `Debug` prints the body as an error prints a response's: the values of
/// the JSON keys marked as personal data hidden as a model's `Debug` hides
/// them, and at most 512 bytes.
#[derive(Clone, PartialEq, Eq)]
{% else %}
#[derive(Debug, Clone, PartialEq, Eq)]
{% endif %}
pub struct WebhookAnswer {
    status: u16,
    body: Option<String>,
}
{% if api.has_personal_data() %}

impl fmt::Debug for WebhookAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookAnswer")
            .field("status", &self.status)
            .field("body", &self.body.as_deref().map(crate::redact::BodyExcerpt))
            .finish()
    }
}
{% endif %}

impl WebhookAnswer {
    /// An empty 200: the action takes effect as requested.
    pub fn proceed() -> Self {
        WebhookAnswer { status: 200, body: None }
    }

    /// A 403: the action is cancelled.
    pub fn reject() -> Self {
        Self::reject_with(403)
    }

    /// Cancels the action with `status`; a status Twilio would take as
    /// success (or that is not an HTTP status) becomes 403.
    pub fn reject_with(status: u16) -> Self {
        let status = if (200..300).contains(&status) || !(100..600).contains(&status) {
            403
        } else {
            status
        };
        WebhookAnswer { status, body: None }
    }

    /// The HTTP status to answer with.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The JSON body to answer with, if any.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// The `Content-Type` of the body, if there is one.
    pub fn content_type(&self) -> Option<&'static str> {
        self.body.as_ref().map(|_| "application/json")
    }

    /// Whether the answer cancels the action.
    pub fn is_rejection(&self) -> bool {
        !(200..300).contains(&self.status)
    }
}

/// Sets a field once: a parameter given twice is an error.
#[allow(dead_code)]
fn set<T>(slot: &mut Option<T>, field: &str, value: Option<T>) -> Result<(), EventError> {
    if slot.is_some() {
        return Err(EventError::Repeated { field: field.to_owned() });
    }
    *slot = value;
    Ok(())
}

#[allow(dead_code)]
fn invalid(field: &str, reason: impl fmt::Display) -> EventError {
    EventError::Invalid { field: field.to_owned(), reason: reason.to_string() }
}

/// A value parsed with `FromStr`; empty is `None`.
#[allow(dead_code)]
fn parse<T: std::str::FromStr>(field: &str, value: &str) -> Result<Option<T>, EventError>
where
    T::Err: fmt::Display,
{
    if value.is_empty() {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|err| invalid(field, err))
}

/// An RFC 3339 date-time; empty is `None`.
#[allow(dead_code)]
fn date_time(field: &str, value: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>, EventError> {
    if value.is_empty() {
        return Ok(None);
    }
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|time| Some(time.with_timezone(&chrono::Utc)))
        .map_err(|err| invalid(field, format_args!("not an RFC 3339 date-time ({err})")))
}

/// JSON text; empty is `None`.
#[allow(dead_code)]
fn json<T: serde::de::DeserializeOwned>(field: &str, value: &str) -> Result<Option<T>, EventError> {
    if value.is_empty() {
        return Ok(None);
    }
    serde_json::from_str(value).map(Some).map_err(|err| invalid(field, format_args!("not the JSON expected ({err})")))
}

/// Any one webhook event, by its `EventType`.
///
/// ```
/// use {{ api.lib_name }}::{{ hooks.enum_name }};
///
/// let form = [("EventType", "{{ hooks.first_event_type_doc() }}"), ("RetryCount", "0")];
/// let event = {{ hooks.enum_name }}::from_form(form)?;
/// assert_eq!(event.event_type(), "{{ hooks.first_event_type_doc() }}");
/// # Ok::<(), {{ api.lib_name }}::EventError>(())
/// ```
{% if api.has_personal_data() %}
///
/// `Debug` prints each event as its struct does, and the parameters of an
/// event type the crate does not know only by count.
#[derive(Clone, PartialEq)]
{% else %}
#[derive(Debug, Clone, PartialEq)]
{% endif %}
#[non_exhaustive]
pub enum {{ hooks.enum_name }} {
{% for e in hooks.events %}
    /// `{{ e.event_type_doc() }}`{% if e.pre_action %} (pre-action: answer with a [`WebhookAnswer`]){% endif %}.
    {{ e.variant }}({{ e.name }}),
{% endfor %}
    /// An event type this crate does not know yet, with every parameter as received.
    {{ hooks.unknown }} {
        /// The `EventType` parameter.
        event_type: String,
        /// Every parameter of the form, `EventType` included, in order.
        params: Vec<(String, String)>,
    },
}

impl {{ hooks.enum_name }} {
    /// Decodes the form Twilio posted (every parameter, in any order) into
    /// the event its `EventType` names.
    pub fn from_form<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Self, EventError>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        let mut types = pairs.iter().filter(|(k, _)| k == "EventType").map(|(_, v)| v.as_str());
        let event_type = types.next().ok_or(EventError::MissingEventType)?.to_owned();
        if types.next().is_some() {
            return Err(EventError::Repeated { field: "EventType".to_owned() });
        }
        Ok(match event_type.as_str() {
{% for e in hooks.events %}
            {{ e.event_type_lit() }} => {{ hooks.enum_name }}::{{ e.variant }}({{ e.name }}::from_form(pairs)?),
{% endfor %}
            _ => {{ hooks.enum_name }}::{{ hooks.unknown }} { event_type, params: pairs },
        })
    }

    /// The `EventType`, e.g. `{{ hooks.first_event_type_doc() }}`.
    pub fn event_type(&self) -> &str {
        match self {
{% for e in hooks.events %}
            {{ hooks.enum_name }}::{{ e.variant }}(_) => {{ e.event_type_lit() }},
{% endfor %}
            {{ hooks.enum_name }}::{{ hooks.unknown }} { event_type, .. } => event_type,
        }
    }

    /// Whether Twilio waits for the answer before the action takes effect.
    /// An event type this crate does not know counts as post-action.
    pub fn is_pre_action(&self) -> bool {
{% if !hooks.has_pre_action() %}
        false
{% else %}
        matches!(
            self,
{% for e in hooks.pre_action() %}
            {{ hooks.enum_name }}::{{ e.variant }}(_){% if !loop.last %} |{% endif %}

{% endfor %}
        )
{% endif %}
    }
}
{% if api.has_personal_data() %}

impl fmt::Debug for {{ hooks.enum_name }} {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
{% for e in hooks.events %}
            {{ hooks.enum_name }}::{{ e.variant }}(event) => f.debug_tuple("{{ e.variant }}").field(event).finish(),
{% endfor %}
            {{ hooks.enum_name }}::{{ hooks.unknown }} { event_type, params } => f
                .debug_struct("{{ hooks.unknown }}")
                .field("event_type", event_type)
                .field("params", &crate::redact::Redacted(params))
                .finish(),
        }
    }
}
{% endif %}

impl crate::FromWebhook for {{ hooks.enum_name }} {
    /// The event of a form webhook ([`{{ hooks.enum_name }}::from_form`]).
    fn from_webhook(webhook: crate::VerifiedWebhook) -> Result<Self, crate::PayloadError> {
        Ok(Self::from_form(webhook.into_form()?)?)
    }
}
