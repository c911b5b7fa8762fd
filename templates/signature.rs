//! Checking that a webhook request came from Twilio: the `X-Twilio-Signature`
//! header (feature `webhooks`).
//!
//! Twilio signs each webhook request with HMAC-SHA1, keyed with the auth
//! token of the account, over the full URL it called followed by the form
//! parameters (names sorted; a repeated name once per value, values sorted).
//! A request with a JSON body carries `bodySHA256` in its query string
//! instead: the URL alone is signed, and the body must hash to that value.

use std::fmt;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The header Twilio puts the signature in.
pub const SIGNATURE_HEADER: &str = "X-Twilio-Signature";
/// Checks the `X-Twilio-Signature` of webhook requests with the account's
/// auth token, or with any of several while a token is being rotated.
///
/// ```
/// use {{ api.lib_name }}::RequestValidator;
///
/// let validator = RequestValidator::new("your_auth_token");
/// let form = [("EventType", "onMessageAdded"), ("Body", "Hello")];
/// let checked = validator.validate("https://example.com/hooks", form, "not-the-signature");
/// assert!(checked.is_err());
/// ```
///
/// During a token rotation (a secondary auth token created, then promoted),
/// some requests are signed with the old token and some with the new one:
/// give both, and a request signed with either is accepted.
///
/// ```
/// use {{ api.lib_name }}::RequestValidator;
///
/// let validator = RequestValidator::new("primary_token").also_accept("secondary_token");
/// let form = [("EventType", "onMessageAdded")];
/// let signed = RequestValidator::new("secondary_token").expected_signature("https://example.com/hooks", form);
/// assert!(validator.validate("https://example.com/hooks", form, &signed).is_ok());
/// ```
///
/// Its `Debug` output never shows a token, only how many there are.
#[derive(Clone)]
pub struct RequestValidator {
    auth_tokens: Vec<String>,
}

impl fmt::Debug for RequestValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestValidator")
            .field("auth_tokens", &format_args!("<{} redacted>", self.auth_tokens.len()))
            .finish()
    }
}

/// Why a request's signature was refused. No message shows the auth token
/// or the signature the request should have had.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// The request has no `X-Twilio-Signature` header (or it is not text).
    MissingHeader,
    /// The signature does not match the URL and parameters.
    Mismatch,
    /// The signature matches the URL, but the body does not hash to the
    /// URL's `bodySHA256`: the body is not the one Twilio sent.
    BodyHashMismatch,
    /// A raw (JSON) body was given, but the URL has no `bodySHA256` to check
    /// it against.
    MissingBodyHash,
    /// The URL Twilio called cannot be rebuilt: the request names no host
    /// (or a malformed one), and no public URL is configured.
    UnknownUrl,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            match self {
                SignatureError::MissingHeader => {
                    "the request has no X-Twilio-Signature header"
                }
                SignatureError::Mismatch => {
                    "the X-Twilio-Signature header does not match the URL and parameters"
                }
                SignatureError::BodyHashMismatch => {
                    "the request body does not match the bodySHA256 of the URL"
                }
                SignatureError::MissingBodyHash => {
                    "the URL has no bodySHA256 parameter to check the body against"
                }
                SignatureError::UnknownUrl => {
                    "the URL the request was sent to cannot be rebuilt: it names no valid host"
                }
            },
        )
    }
}

impl std::error::Error for SignatureError {}
impl RequestValidator {
    /// A validator for requests signed with `auth_token`.
    pub fn new(auth_token: impl Into<String>) -> Self {
        RequestValidator {
            auth_tokens: vec![auth_token.into()],
        }
    }

    /// A validator that accepts a request signed with any of `auth_tokens`
    /// (tried in order); with none, every request is refused.
    pub fn with_tokens<T: Into<String>>(
        auth_tokens: impl IntoIterator<Item = T>,
    ) -> Self {
        RequestValidator {
            auth_tokens: auth_tokens.into_iter().map(Into::into).collect(),
        }
    }

    /// Also accepts requests signed with `auth_token`, tried after the
    /// tokens already given: the secondary token during a rotation.
    pub fn also_accept(mut self, auth_token: impl Into<String>) -> Self {
        self.auth_tokens.push(auth_token.into());
        self
    }

    /// Checks the signature of a request with a form body: `url` is the full
    /// URL Twilio called, query string included; `params` the decoded form
    /// parameters, every one of them; `signature` the `X-Twilio-Signature`
    /// header.
    ///
    /// The URL is also tried with the scheme's default port added (when it
    /// has none) or removed (when it has it), since Twilio signs whichever
    /// form it called.
    pub fn validate<K, V>(
        &self,
        url: &str,
        params: impl IntoIterator<Item = (K, V)>,
        signature: &str,
    ) -> Result<(), SignatureError>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        self.check(url, &form_suffix(params), signature)
    }

    /// Checks the signature of a request with a raw body (JSON): the URL
    /// must carry `bodySHA256`, the lowercase hex SHA-256 of `body`; the URL
    /// alone is signed.
    pub fn validate_body(
        &self,
        url: &str,
        body: &[u8],
        signature: &str,
    ) -> Result<(), SignatureError> {
        let expected = body_hash_of(url).ok_or(SignatureError::MissingBodyHash)?;
        self.check(url, "", signature)?;
        let actual = hex(&Sha256::digest(body));
        if bool::from(actual.as_bytes().ct_eq(expected.as_bytes())) {
            Ok(())
        } else {
            Err(SignatureError::BodyHashMismatch)
        }
    }

    /// Checks an HTTP request as a server received it (the `http` crate's
    /// type, which axum, hyper and others share), and returns its form
    /// parameters. `public_url` says how to find the URL Twilio called: a
    /// `&str` is the scheme and host (say `https://example.com`, as
    /// configured in the webhook URL), to which the request's path and query
    /// are appended; a [`PublicUrl`](crate::PublicUrl) can also rebuild it
    /// from the request's `Host` or a proxy's `Forwarded` headers.
    ///
    /// A URL with `bodySHA256` is checked as a raw body
    /// ([`validate_body`](Self::validate_body)) and gives no parameters;
    /// any other body is decoded as a form.
    pub fn validate_request<B: AsRef<[u8]>>(
        &self,
        public_url: impl Into<crate::PublicUrl>,
        request: &http::Request<B>,
    ) -> Result<Vec<(String, String)>, SignatureError> {
        let url = public_url
            .into()
            .url_of(request.headers(), request.uri())
            .ok_or(SignatureError::UnknownUrl)?;
        self.validate_signed(&url, request.headers(), request.body().as_ref())
    }

    /// Checks a request to `url` with `headers` and `body`: the form's
    /// parameters, or none for a raw body checked against `bodySHA256`.
    pub(crate) fn validate_signed(
        &self,
        url: &str,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Vec<(String, String)>, SignatureError> {
        let signature = headers
            .get(SIGNATURE_HEADER)
            .and_then(|value| value.to_str().ok())
            .ok_or(SignatureError::MissingHeader)?;
        if body_hash_of(url).is_some() {
            self.validate_body(url, body, signature)?;
            return Ok(Vec::new());
        }
        let params: Vec<(String, String)> = form_urlencoded::parse(body)
            .into_owned()
            .collect();
        self.validate(
            url,
            params.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            signature,
        )?;
        Ok(params)
    }

    /// The signature Twilio sends for a form request to `url` with `params`
    /// (for the URL exactly as given), with the first token: what
    /// [`validate`](Self::validate) compares with, for testing a server of
    /// your own. Empty for a validator without tokens.
    pub fn expected_signature<K, V>(
        &self,
        url: &str,
        params: impl IntoIterator<Item = (K, V)>,
    ) -> String
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let Some(token) = self.auth_tokens.first() else {
            return String::new();
        };
        sign(token, url, &form_suffix(params)).unwrap_or_default()
    }

    /// Whether `signature` matches `url` + `suffix` for one of the URL's forms.
    fn check(
        &self,
        url: &str,
        suffix: &str,
        signature: &str,
    ) -> Result<(), SignatureError> {
        if signature.is_empty() {
            return Err(SignatureError::Mismatch);
        }
        let mut matched = false;
        for token in &self.auth_tokens {
            for candidate in url_forms(url) {
                if let Some(expected) = sign(token, &candidate, suffix) {
                    matched
                        |= bool::from(expected.as_bytes().ct_eq(signature.as_bytes()));
                }
            }
        }
        if matched { Ok(()) } else { Err(SignatureError::Mismatch) }
    }
}

/// The signature of `url` followed by `suffix` with `token`, as Twilio
/// computes it; `None` only if the MAC cannot be keyed (HMAC takes keys of
/// any length).
fn sign(token: &str, url: &str, suffix: &str) -> Option<String> {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(token.as_bytes()).ok()?;
    mac.update(url.as_bytes());
    mac.update(suffix.as_bytes());
    Some(base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
}

/// What the form adds to the signed text: each name and value, sorted by
/// name and then value (a repeated name once per value).
fn form_suffix<K: AsRef<str>, V: AsRef<str>>(
    params: impl IntoIterator<Item = (K, V)>,
) -> String {
    let mut pairs: Vec<(K, V)> = params.into_iter().collect();
    pairs
        .sort_by(|a, b| (a.0.as_ref(), a.1.as_ref()).cmp(&(b.0.as_ref(), b.1.as_ref())));
    let mut suffix = String::new();
    for (name, value) in &pairs {
        suffix.push_str(name.as_ref());
        suffix.push_str(value.as_ref());
    }

    suffix
}

/// The URL as given, and with the scheme's default port toggled: added when
/// the URL names no port, removed when it names the default one. Another
/// port is part of the URL Twilio called, so it stays. The URL's text is
/// otherwise kept exactly, since it is signed as written.
fn url_forms(url: &str) -> Vec<String> {
    let mut forms = vec![url.to_owned()];
    let Some((scheme, rest)) = url.split_once("://") else {
        return forms;
    };
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "https" => "443",
        "http" => "80",
        _ => return forms,
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let (userinfo, host_port) = authority.split_at(host_start);
    let host_end = match host_port.strip_prefix('[') {
        Some(inner) => inner.find(']').map_or(host_port.len(), |i| i + 2),
        None => host_port.find(':').unwrap_or(host_port.len()),
    };
    let (host, port) = host_port.split_at(host_end);
    if host.is_empty() {
        return forms;
    }

    match port.strip_prefix(':') {
        None if port.is_empty() => {
            forms.push(format!("{scheme}://{userinfo}{host}:{default_port}{tail}"));
        }
        Some(port) if port == default_port => {
            forms.push(format!("{scheme}://{userinfo}{host}{tail}"));
        }
        _ => {}
    }

    forms
}

/// Whether the URL's query string has a `bodySHA256` parameter: its body
/// is a raw (JSON) one.
pub(crate) fn has_body_hash(url: &str) -> bool {
    body_hash_of(url).is_some()
}

/// The `bodySHA256` parameter of the URL's query string, if it has one.
fn body_hash_of(url: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    let query = query.split_once('#').map_or(query, |(query, _)| query);
    form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "bodySHA256")
        .map(|(_, value)| value.into_owned())
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;

    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }

    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const PARAMS: [(&str, &str); 5] = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
        ("Caller", "+14158675309"),
    ];
    fn validator() -> RequestValidator {
        RequestValidator::new("12345")
    }

    #[test]
    fn twilio_python_known_answers_for_form_bodies() {
        let v = validator();
        assert_eq!(v.validate(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), Ok(()));
        let repeated = [
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Digits", "1234"),
        ];
        assert_eq!(v.validate(URL, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="), Ok(()));
        assert_eq!(v.validate(URL, PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w="), Ok(()));
        let http = URL.replace("https", "http");
        assert_eq!(v.validate(& http, PARAMS, "0ZXoZLH/DfblKGATFgpif+LLRf4="), Ok(()));
        let with_443 = URL.replace(".com", ".com:443");
        assert_eq!(
            v.validate(& with_443, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), Ok(())
        );
        let http_1234 = URL.replace(".com", ".com:1234").replace("https", "http");
        assert_eq!(
            v.validate(& http_1234, PARAMS, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="), Ok(())
        );
        let https_1234 = URL.replace(".com", ".com:1234");
        assert_eq!(
            v.validate(& https_1234, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn twilio_python_known_answer_for_a_json_body() {
        let body = br#"{"property": "value", "boolean": true}"#;
        assert_eq!(
            hex(& Sha256::digest(body)),
            "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        );
        let url = format!(
            "{URL}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        );
        assert_eq!(
            validator().validate_body(& url, body, "a9nBmqA0ju/hNViExpshrM61xv4="),
            Ok(())
        );
    }

    #[test]
    fn known_answers_from_twilio_docs_samples() {
        let params = [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675310"),
            ("Digits", "1234"),
            ("From", "+14158675310"),
            ("To", "+18005551212"),
        ];
        assert_eq!(
            validator().validate(URL, params, "GvWf1cFY/Q7PnoempGyD5oXAezc="), Ok(())
        );
        let body = br#"{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}"#;
        assert_eq!(
            hex(& Sha256::digest(body)),
            "5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9"
        );
    }

    /// Signs as Twilio does, for the cases below.
    fn signed(url: &str, params: &[(&str, &str)]) -> String {
        validator().expected_signature(url, params.iter().copied())
    }

    #[test]
    fn expected_signatures_are_twilio_pythons() {
        assert_eq!(
            validator().expected_signature(URL, PARAMS), "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        );
    }

    #[test]
    fn ports_repeated_keys_and_non_ascii_values() {
        let v = validator();
        let params = [("Body", "¿Qué tal? 你好 👋"), ("Author", "zoë")];
        let no_port = "https://hooks.example.com/conversations?x=1";
        let port = "https://hooks.example.com:443/conversations?x=1";
        assert_eq!(v.validate(no_port, params, & signed(port, & params)), Ok(()));
        assert_eq!(v.validate(port, params, & signed(no_port, & params)), Ok(()));
        let http = "http://user:pw@[::1]:80/hook";
        assert_eq!(
            v.validate("http://user:pw@[::1]/hook", params, & signed(http, & params)),
            Ok(())
        );
        let repeated = [("Media", "b"), ("Media", "a"), ("Body", "x")];
        let sig = signed(no_port, &repeated);
        assert_eq!(
            v.validate(no_port, [("Media", "a"), ("Body", "x"), ("Media", "b")], & sig),
            Ok(())
        );
        assert_eq!(
            v.validate(no_port, [("Media", "a"), ("Body", "x")], & sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(v.validate(no_port, params, "ridz54K7phwSZd9MwW6v7lFItgg="), Ok(()));
        let empty: [(&str, &str); 0] = [];
        assert_eq!(v.validate(no_port, empty, & signed(no_port, & [])), Ok(()));
    }

    #[test]
    fn tampering_and_wrong_tokens_are_refused() {
        let url = "https://hooks.example.com/conversations";
        let params = [("EventType", "onMessageAdd"), ("Body", "hello")];
        let sig = signed(url, &params);
        let v = validator();
        assert_eq!(v.validate(url, params, & sig), Ok(()));
        assert_eq!(
            v.validate(url, [("EventType", "onMessageAdd"), ("Body", "hellO")], & sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            v.validate("https://hooks.example.com/conversation", params, & sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            RequestValidator::new("54321").validate(url, params, & sig),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(v.validate(url, params, ""), Err(SignatureError::Mismatch));
    }

    #[test]
    fn raw_bodies_need_their_hash_in_the_url() {
        let v = validator();
        let body = br#"{"EventType":"onMessageAdded"}"#;
        let url = format!(
            "https://hooks.example.com/json?bodySHA256={}", hex(& Sha256::digest(body))
        );
        let sig = signed(&url, &[]);
        assert_eq!(v.validate_body(& url, body, & sig), Ok(()));
        assert_eq!(
            v.validate_body(& url, br#"{"EventType":"onMessageRemoved"}"#, & sig),
            Err(SignatureError::BodyHashMismatch)
        );
        assert_eq!(
            v.validate_body("https://hooks.example.com/json", body, & sig),
            Err(SignatureError::MissingBodyHash)
        );
        assert_eq!(
            RequestValidator::new("other").validate_body(& url, body, & sig),
            Err(SignatureError::Mismatch)
        );
        let empty_url = format!(
            "https://hooks.example.com/json?bodySHA256={}", hex(& Sha256::digest(b""))
        );
        assert_eq!(
            v.validate_body(& empty_url, b"", & signed(& empty_url, & [])), Ok(())
        );
    }

    #[test]
    fn http_requests_are_read_whole() {
        let v = validator();
        let base = "https://hooks.example.com";
        let params = [("Body", "a b&c"), ("EventType", "onMessageAdd")];
        let sig = signed("https://hooks.example.com/twilio?site=1", &params);
        let request = |sig: Option<&str>, body: &'static str| {
            let mut builder = http::Request::post("/twilio?site=1");
            if let Some(sig) = sig {
                builder = builder.header(SIGNATURE_HEADER, sig);
            }
            builder.body(body).unwrap_or_default()
        };
        let form = v
            .validate_request(
                base,
                &request(Some(&sig), "Body=a+b%26c&EventType=onMessageAdd"),
            );
        assert_eq!(
            form, Ok(vec![("Body".into(), "a b&c".into()), ("EventType".into(),
            "onMessageAdd".into())])
        );
        assert_eq!(
            v.validate_request(base, & request(None, "Body=a+b%26c")),
            Err(SignatureError::MissingHeader)
        );
        assert_eq!(
            v.validate_request(base, & request(Some(& sig),
            "Body=a+b%26d&EventType=onMessageAdd")), Err(SignatureError::Mismatch)
        );
        assert!(
            v.validate_request("https://hooks.example.com/", & request(Some(& sig),
            "Body=a+b%26c&EventType=onMessageAdd")).is_ok()
        );
    }

    #[test]
    fn during_a_rotation_either_token_is_accepted() {
        let url = "https://hooks.example.com/conversations";
        let params = [("EventType", "onMessageAdded"), ("Body", "hi")];
        let by = |token: &str| {
            RequestValidator::new(token).expected_signature(url, params)
        };
        let rotating = RequestValidator::with_tokens(["old-token", "new-token"]);
        assert_eq!(rotating.validate(url, params, & by("old-token")), Ok(()));
        assert_eq!(rotating.validate(url, params, & by("new-token")), Ok(()));
        assert_eq!(
            rotating.validate(url, params, & by("other-token")),
            Err(SignatureError::Mismatch)
        );
        let promoted = RequestValidator::new("new-token").also_accept("old-token");
        assert_eq!(promoted.expected_signature(url, params), by("new-token"));
        assert_eq!(promoted.validate(url, params, & by("old-token")), Ok(()));
        let none = RequestValidator::with_tokens(Vec::<String>::new());
        assert_eq!(none.expected_signature(url, params), "");
        assert_eq!(
            none.validate(url, params, & by("old-token")), Err(SignatureError::Mismatch)
        );
        assert_eq!(none.validate(url, params, ""), Err(SignatureError::Mismatch));
    }

    #[test]
    fn messages_and_debug_never_show_secrets() {
        let v = RequestValidator::new("super-secret-token");
        assert!(! format!("{v:?}") .contains("super-secret-token"));
        let rotating = v.clone().also_accept("second-secret-token");
        assert_eq!(
            format!("{rotating:?}"), "RequestValidator { auth_tokens: <2 redacted> }"
        );
        let expected = sign("super-secret-token", "https://a.example/", "")
            .unwrap_or_default();
        for err in [
            SignatureError::MissingHeader,
            SignatureError::Mismatch,
            SignatureError::BodyHashMismatch,
            SignatureError::MissingBodyHash,
            SignatureError::UnknownUrl,
        ] {
            let text = format!("{err} {err:?}");
            assert!(
                ! text.contains("super-secret-token") && ! text.contains(& expected),
                "{text}"
            );
        }
    }
}
