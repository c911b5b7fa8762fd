//! Access tokens for Twilio's client SDKs (feature `access-token`): the JWT a
//! Conversations app in a browser or on a phone logs in with.
//!
//! The token is signed with HS256 under an API key's secret; its claims are
//! laid out as Twilio's official SDKs lay them out, so the same inputs give
//! the same token byte for byte.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// The longest lifetime Twilio accepts for an access token: 24 hours.
pub const MAX_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// The lifetime of a token unless [`AccessToken::ttl`] says otherwise: one hour.
pub const DEFAULT_TTL: Duration = Duration::from_secs(60 * 60);
/// An access token for one identity, built step by step and signed by
/// [`to_jwt`](Self::to_jwt).
///
/// ```
/// use std::time::Duration;
/// use {{ api.lib_name }}::{AccessToken, ChatGrant};
///
/// let jwt = AccessToken::new(
///     "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
///     "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
///     "your_api_key_secret",
///     "alice",
/// )
/// .ttl(Duration::from_secs(30 * 60))
/// .grant(ChatGrant::new().service_sid("ISxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
/// .to_jwt()?;
/// assert_eq!(jwt.split('.').count(), 3);
/// # Ok::<(), {{ api.lib_name }}::TokenError>(())
/// ```
///
/// Its `Debug` output never shows the secret.
#[derive(Clone)]
pub struct AccessToken {
    account_sid: String,
    api_key_sid: String,
    api_key_secret: String,
    identity: String,
    ttl: Duration,
    not_before: Option<SystemTime>,
    issued_at: Option<SystemTime>,
    region: Option<String>,
    chat: Option<ChatGrant>,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("account_sid", &self.account_sid)
            .field("api_key_sid", &self.api_key_sid)
            .field("api_key_secret", &"<redacted>")
            .field("identity", &self.identity)
            .field("ttl", &self.ttl)
            .field("not_before", &self.not_before)
            .field("issued_at", &self.issued_at)
            .field("region", &self.region)
            .field("chat", &self.chat)
            .finish()
    }
}

/// What a Conversations client may do with the token: the `chat` grant.
///
/// Every field is optional; one left unset is left out of the token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
    push_credential_sid: Option<String>,
    deployment_role_sid: Option<String>,
}

impl ChatGrant {
    /// A grant with nothing set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The Conversation Service (`IS...`) the client works in.
    pub fn service_sid(mut self, sid: impl Into<String>) -> Self {
        self.service_sid = Some(sid.into());
        self
    }

    /// An id for this client's device or session, to tell the endpoints of
    /// one identity apart.
    pub fn endpoint_id(mut self, id: impl Into<String>) -> Self {
        self.endpoint_id = Some(id.into());
        self
    }

    /// The push credential (`CR...`) used to notify this client.
    pub fn push_credential_sid(mut self, sid: impl Into<String>) -> Self {
        self.push_credential_sid = Some(sid.into());
        self
    }

    /// The role (`RL...`) the user gets in the service.
    pub fn deployment_role_sid(mut self, sid: impl Into<String>) -> Self {
        self.deployment_role_sid = Some(sid.into());
        self
    }
}

/// Why a token could not be made. No message shows the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenError {
    /// The lifetime is zero, or longer than [`MAX_TTL`].
    InvalidTtl(Duration),
    /// A value the token needs is empty: `account_sid`, `api_key_sid`,
    /// `api_key_secret` or `identity`.
    Empty(&'static str),
    /// `not_before` is not before the token expires, so it could never be used.
    NotBeforeAfterExpiry,
    /// A time is before 1970, which a token cannot express.
    BeforeEpoch,
}

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenError::InvalidTtl(ttl) => {
                write!(
                    f,
                    "the token lifetime must be between 1 second and 24 hours, not {} seconds",
                    ttl.as_secs()
                )
            }
            TokenError::Empty(what) => {
                write!(f, "the access token needs a non-empty {what}")
            }
            TokenError::NotBeforeAfterExpiry => {
                f.write_str("the token's not-before time is not before its expiry")
            }
            TokenError::BeforeEpoch => f.write_str("a token time is before 1970-01-01"),
        }
    }
}

impl std::error::Error for TokenError {}
impl AccessToken {
    /// A token for `identity`, signed with the API key `api_key_sid`
    /// (`SK...`) and its secret, for the account `account_sid` (`AC...`).
    pub fn new(
        account_sid: impl Into<String>,
        api_key_sid: impl Into<String>,
        api_key_secret: impl Into<String>,
        identity: impl Into<String>,
    ) -> Self {
        AccessToken {
            account_sid: account_sid.into(),
            api_key_sid: api_key_sid.into(),
            api_key_secret: api_key_secret.into(),
            identity: identity.into(),
            ttl: DEFAULT_TTL,
            not_before: None,
            issued_at: None,
            region: None,
            chat: None,
        }
    }

    /// How long the token is valid from its issue: one hour by default, at
    /// most 24 hours, in whole seconds.
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The time before which the token is not valid (`nbf`).
    pub fn not_before(mut self, time: SystemTime) -> Self {
        self.not_before = Some(time);
        self
    }

    /// The time the token is issued at (`iat`); now, unless set. The expiry
    /// is counted from it.
    pub fn issued_at(mut self, time: SystemTime) -> Self {
        self.issued_at = Some(time);
        self
    }

    /// The Twilio region the token is for (the `twr` header), e.g. `ie1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Adds the `chat` grant, which the Conversations SDKs need; a second
    /// call replaces the first grant.
    pub fn grant(mut self, grant: ChatGrant) -> Self {
        self.chat = Some(grant);
        self
    }

    /// The signed token, as the client SDKs take it.
    pub fn to_jwt(&self) -> Result<String, TokenError> {
        for (what, value) in [
            ("account_sid", &self.account_sid),
            ("api_key_sid", &self.api_key_sid),
            ("api_key_secret", &self.api_key_secret),
            ("identity", &self.identity),
        ] {
            if value.is_empty() {
                return Err(TokenError::Empty(what));
            }
        }
        let ttl = self.ttl.as_secs();
        if ttl == 0 || self.ttl > MAX_TTL {
            return Err(TokenError::InvalidTtl(self.ttl));
        }
        let iat = unix_seconds(self.issued_at.unwrap_or_else(SystemTime::now))?;
        let exp = iat.checked_add(ttl).ok_or(TokenError::BeforeEpoch)?;
        let nbf = self.not_before.map(unix_seconds).transpose()?;
        if nbf.is_some_and(|nbf| nbf >= exp) {
            return Err(TokenError::NotBeforeAfterExpiry);
        }
        let header = JsonObject::new()
            .field("alg", "HS256")
            .field("typ", "JWT")
            .field("cty", "twilio-fpa;v=1")
            .optional("twr", self.region.as_deref().filter(|region| !region.is_empty()))
            .finish();
        let mut grants = JsonObject::new().field("identity", &self.identity);
        if let Some(chat) = &self.chat {
            let claims = JsonObject::new()
                .optional("service_sid", non_empty(&chat.service_sid))
                .optional("endpoint_id", non_empty(&chat.endpoint_id))
                .optional("deployment_role_sid", non_empty(&chat.deployment_role_sid))
                .optional("push_credential_sid", non_empty(&chat.push_credential_sid))
                .finish();
            grants = grants.raw("chat", &claims);
        }
        let payload = JsonObject::new()
            .field("jti", format!("{}-{iat}", self.api_key_sid))
            .raw("grants", &grants.finish())
            .optional("nbf", nbf)
            .field("iat", iat)
            .field("exp", exp)
            .field("iss", &self.api_key_sid)
            .field("sub", &self.account_sid)
            .finish();
        let engine = &base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let signing_input = format!(
            "{}.{}", engine.encode(header), engine.encode(payload)
        );
        let mut mac = <Hmac<
            Sha256,
        > as Mac>::new_from_slice(self.api_key_secret.as_bytes())
            .map_err(|_| TokenError::Empty("api_key_secret"))?;
        mac.update(signing_input.as_bytes());
        let signature = engine.encode(mac.finalize().into_bytes());
        Ok(format!("{signing_input}.{signature}"))
    }
}

fn unix_seconds(time: SystemTime) -> Result<u64, TokenError> {
    time.duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs())
        .map_err(|_| TokenError::BeforeEpoch)
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|value| !value.is_empty())
}

/// A JSON object written key by key, so its keys keep the order the
/// official SDKs write them in (a map would sort them, and the token's bytes,
/// which the known-answer tests compare, would differ).
struct JsonObject(String);
impl JsonObject {
    fn new() -> Self {
        JsonObject(String::from("{"))
    }

    fn raw(mut self, key: &str, json: &str) -> Self {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push_str(&serde_json::to_string(key).unwrap_or_default());
        self.0.push(':');
        self.0.push_str(json);
        self
    }

    fn field(self, key: &str, value: impl Serialize) -> Self {
        let json = serde_json::to_string(&value).unwrap_or_default();
        self.raw(key, &json)
    }

    fn optional(self, key: &str, value: Option<impl Serialize>) -> Self {
        match value {
            Some(value) => self.field(key, value),
            None => self,
        }
    }

    fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: &str = "AC00000000000000000000000000000001";
    const KEY: &str = "SK00000000000000000000000000000002";
    const SECRET: &str = "the-api-key-secret";
    const SERVICE: &str = "IS00000000000000000000000000000003";
    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    const MINIMAL: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIn0.eyJqdGkiOiJTSzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAyLTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJhbGljZSIsImNoYXQiOnsic2VydmljZV9zaWQiOiJJUzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAzIn19LCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwiaXNzIjoiU0swMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMiIsInN1YiI6IkFDMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDEifQ.kLVPVCjIhU1IgT4mId8mdDJdWTwfVEY3QhxFUtdY38E";
    const FULL: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImN0eSI6InR3aWxpby1mcGE7dj0xIiwidHdyIjoiaWUxIn0.eyJqdGkiOiJTSzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAyLTE3MDAwMDAwMDAiLCJncmFudHMiOnsiaWRlbnRpdHkiOiJ6b8OrQGV4YW1wbGUuY29tIiwiY2hhdCI6eyJzZXJ2aWNlX3NpZCI6IklTMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDMiLCJlbmRwb2ludF9pZCI6InpvZS1waG9uZSIsImRlcGxveW1lbnRfcm9sZV9zaWQiOiJSTDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA0IiwicHVzaF9jcmVkZW50aWFsX3NpZCI6IkNSMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDUifX0sIm5iZiI6MTY5OTk5OTk5MCwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA2MDAsImlzcyI6IlNLMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDIiLCJzdWIiOiJBQzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAxIn0.nRGv2Th2zFSSp5s5Sf42qRQcPCbF2AbyDALkcsmukjs";
    #[test]
    fn fixed_clock_and_inputs_give_the_sdk_token() {
        let minimal = AccessToken::new(ACCOUNT, KEY, SECRET, "alice")
            .issued_at(at(1_700_000_000))
            .grant(ChatGrant::new().service_sid(SERVICE));
        assert_eq!(minimal.to_jwt().as_deref(), Ok(MINIMAL));
        let full = AccessToken::new(ACCOUNT, KEY, SECRET, "zoë@example.com")
            .issued_at(at(1_700_000_000))
            .ttl(Duration::from_secs(600))
            .not_before(at(1_699_999_990))
            .region("ie1")
            .grant(
                ChatGrant::new()
                    .push_credential_sid("CR00000000000000000000000000000005")
                    .deployment_role_sid("RL00000000000000000000000000000004")
                    .endpoint_id("zoe-phone")
                    .service_sid(SERVICE),
            );
        assert_eq!(full.to_jwt().as_deref(), Ok(FULL));
    }

    /// The header and payload of a token, decoded, after checking its signature.
    fn decode(jwt: &str, secret: &str) -> (serde_json::Value, serde_json::Value) {
        let engine = &base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let parts: Vec<&str> = jwt.split('.').collect();
        assert_eq!(parts.len(), 3, "{jwt}");
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        let signature = engine.decode(parts[2]).unwrap();
        assert!(mac.verify_slice(& signature).is_ok(), "the signature does not verify");
        let json = |part: &str| {
            serde_json::from_slice(&engine.decode(part).unwrap()).unwrap()
        };
        (json(parts[0]), json(parts[1]))
    }

    #[test]
    fn every_claim_decodes_and_the_signature_verifies() {
        let before = unix_seconds(SystemTime::now()).unwrap();
        let jwt = AccessToken::new(ACCOUNT, KEY, SECRET, "alice")
            .grant(ChatGrant::new().service_sid(SERVICE).endpoint_id("web-1"))
            .to_jwt()
            .unwrap();
        let after = unix_seconds(SystemTime::now()).unwrap();
        let (header, payload) = decode(&jwt, SECRET);
        assert_eq!(
            header, serde_json::json!({ "alg" : "HS256", "typ" : "JWT", "cty" :
            "twilio-fpa;v=1" })
        );
        let iat = payload["iat"].as_u64().unwrap();
        assert!((before..= after).contains(& iat), "{iat} not in {before}..={after}");
        assert_eq!(
            payload, serde_json::json!({ "jti" : format!("{KEY}-{iat}"), "grants" : {
            "identity" : "alice", "chat" : { "service_sid" : SERVICE, "endpoint_id" :
            "web-1" } }, "iat" : iat, "exp" : iat + 3600, "iss" : KEY, "sub" : ACCOUNT,
            })
        );
        let other = AccessToken::new(ACCOUNT, KEY, "another-secret", "alice")
            .to_jwt()
            .unwrap();
        let parts: Vec<&str> = other.split('.').collect();
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[2])
            .unwrap();
        assert!(mac.verify_slice(& signature).is_err());
    }

    #[test]
    fn unset_fields_are_left_out() {
        let jwt = AccessToken::new(ACCOUNT, KEY, SECRET, "alice")
            .issued_at(at(100))
            .to_jwt()
            .unwrap();
        let (header, payload) = decode(&jwt, SECRET);
        assert!(header.get("twr").is_none());
        assert!(payload.get("nbf").is_none());
        assert_eq!(payload["grants"], serde_json::json!({ "identity" : "alice" }));
        let empty_grant = AccessToken::new(ACCOUNT, KEY, SECRET, "alice")
            .issued_at(at(100))
            .grant(ChatGrant::new());
        let (_, payload) = decode(&empty_grant.to_jwt().unwrap(), SECRET);
        assert_eq!(
            payload["grants"], serde_json::json!({ "identity" : "alice", "chat" : {} })
        );
    }

    #[test]
    fn lifetimes_are_one_second_to_a_day() {
        let token = AccessToken::new(ACCOUNT, KEY, SECRET, "alice").issued_at(at(1_000));
        let exp = |ttl: Duration| {
            decode(&token.clone().ttl(ttl).to_jwt().unwrap(), SECRET).1["exp"].as_u64()
        };
        assert_eq!(exp(Duration::from_secs(60)), Some(1_060));
        assert_eq!(exp(MAX_TTL), Some(1_000 + 86_400));
        for bad in [
            Duration::ZERO,
            Duration::from_millis(999),
            MAX_TTL + Duration::from_secs(1),
        ] {
            assert_eq!(
                token.clone().ttl(bad).to_jwt(), Err(TokenError::InvalidTtl(bad))
            );
        }
        assert_eq!(
            token.clone().not_before(at(1_000 + 3_600)).to_jwt(),
            Err(TokenError::NotBeforeAfterExpiry)
        );
        assert_eq!(
            token.clone().issued_at(UNIX_EPOCH - Duration::from_secs(1)).to_jwt(),
            Err(TokenError::BeforeEpoch)
        );
        assert_eq!(
            AccessToken::new(ACCOUNT, KEY, SECRET, "").to_jwt(),
            Err(TokenError::Empty("identity"))
        );
        assert_eq!(
            AccessToken::new(ACCOUNT, KEY, "", "alice").to_jwt(),
            Err(TokenError::Empty("api_key_secret"))
        );
    }

    #[test]
    fn debug_and_errors_never_show_the_secret() {
        let token = AccessToken::new(ACCOUNT, KEY, "super-secret-value", "alice")
            .grant(ChatGrant::new().service_sid(SERVICE));
        let text = format!("{token:?}");
        assert!(! text.contains("super-secret-value"), "{text}");
        assert!(text.contains(KEY) && text.contains("alice"), "{text}");
        for err in [
            TokenError::InvalidTtl(MAX_TTL),
            TokenError::Empty("api_key_secret"),
            TokenError::NotBeforeAfterExpiry,
            TokenError::BeforeEpoch,
        ] {
            assert!(! format!("{err} {err:?}") .contains("super-secret-value"));
        }
    }
}
