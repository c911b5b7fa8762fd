{# The runtime unit tests of `client.rs`, included at its end. #}
#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'static str, &'static str)]) -> impl Fn(&'static str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn from_env_reads_token_or_api_key_and_names_what_is_missing() {
        let err = ClientBuilder::from_lookup(env(&[])).unwrap_err();
        assert_eq!(err.to_string(), "environment variable TWILIO_ACCOUNT_SID is not set");
        let err = ClientBuilder::from_lookup(env(&[("TWILIO_ACCOUNT_SID", "AC1")])).unwrap_err();
        assert_eq!(err.to_string(), "environment variable TWILIO_AUTH_TOKEN is not set");
        let err = ClientBuilder::from_lookup(env(&[("TWILIO_ACCOUNT_SID", "AC1"), ("TWILIO_API_KEY", "SK1")])).unwrap_err();
        assert_eq!(err.to_string(), "environment variable TWILIO_API_SECRET is not set");

        let token = ClientBuilder::from_lookup(env(&[("TWILIO_ACCOUNT_SID", "AC1"), ("TWILIO_AUTH_TOKEN", "tok")])).unwrap();
        assert_eq!((token.username.as_str(), token.password.as_str()), ("AC1", "tok"));
        let key = ClientBuilder::from_lookup(env(&[
            ("TWILIO_ACCOUNT_SID", "AC1"),
            ("TWILIO_AUTH_TOKEN", "tok"),
            ("TWILIO_API_KEY", "SK1"),
            ("TWILIO_API_SECRET", "secret"),
            ("TWILIO_REGION", "ie1"),
            ("TWILIO_EDGE", "dublin"),
        ]))
        .unwrap();
        assert_eq!((key.account_sid.as_str(), key.username.as_str(), key.password.as_str()), ("AC1", "SK1", "secret"));
{% if api.base_url.is_some() %}
        let client = key.build().unwrap();
        assert_eq!(client.account_sid(), "AC1");
        assert!(client.base_url().contains(".dublin.ie1."), "{}", client.base_url());
{% else %}
        // No default server: the base URL is the app's to give.
        let err = key.build().unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        assert!(err.to_string().contains("`ClientBuilder::base_url`"), "{err}");
        let client = token.base_url("http://127.0.0.1:9/").build().unwrap();
        assert_eq!((client.account_sid(), client.base_url()), ("AC1", "http://127.0.0.1:9"));
{% endif %}
    }

    #[test]
    fn debug_output_never_shows_a_secret() {
        let local = "http://127.0.0.1:9";
        let builder = Client::builder("AC1", "token-secret").api_key("SK1", "key-secret").base_url(local);
        let client = Client::builder("AC1", "token-secret").base_url(local).build().unwrap();
        for text in [format!("{builder:?}"), format!("{client:?}"), format!("{:?}", builder.build().unwrap())] {
            assert!(!text.contains("secret"), "{text}");
        }
    }

    #[test]
    fn server_urls_keep_path_and_query_but_never_their_host() {
        let client = Client::builder("AC1", "tok").base_url("http://127.0.0.1:9/").build().unwrap();
        assert_eq!(
            url_on(client.base_url(), "https://elsewhere.example.com/v1/Conversations?PageSize=2&Page=1"),
            "http://127.0.0.1:9/v1/Conversations?PageSize=2&Page=1"
        );
        assert_eq!(url_on(client.base_url(), "/v1/Conversations"), "http://127.0.0.1:9/v1/Conversations");
        assert_eq!(url_on(client.base_url(), "https://elsewhere.example.com?Page=1"), "http://127.0.0.1:9/?Page=1");
        assert_eq!(url_on(client.base_url(), "/v1/Things?Next=https://x/y"), "http://127.0.0.1:9/v1/Things?Next=https://x/y");
        assert!(Client::builder("AC1", "tok").base_url("ftp://x").build().is_err());
    }

    /// One request through the real client to a one-shot server on 127.0.0.1,
    /// returning what arrived on the socket.
    async fn capture(request: Request) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut seen = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                let n = socket.read(&mut chunk).await.unwrap();
                seen.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&seen);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let length = head
                        .lines()
                        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap()))
                        .unwrap_or(0);
                    if body.len() >= length {
                        break;
                    }
                }
            }
            socket.write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n").await.unwrap();
            String::from_utf8(seen).unwrap()
        });
        let client = Client::builder("AC1", "tok").base_url(url).build().unwrap();
        client.send(&request).await.unwrap();
        server.await.unwrap()
    }

{% if api.sends(Location::Query) && api.sends(Location::Form) %}
    {{ api.cfg(Need::Query) }}
    {{ api.cfg(Need::Form) }}
    #[tokio::test]
    async fn lists_send_one_key_per_item_in_bodies_and_queries() {
        use crate::wire::ToWire;
        let mut pairs = Vec::new();
        vec!["a b".to_owned(), "c&d".to_owned()].push_to("Identity", &mut pairs);
        Some(true).push_to("Flag", &mut pairs);
        let seen = capture(Request::new(Method::POST, "/v1/Things".into()).query(pairs.clone()).form(pairs)).await;
        assert!(seen.starts_with("POST /v1/Things?Identity=a+b&Identity=c%26d&Flag=true HTTP/1.1\r\n"), "{seen}");
        assert!(seen.ends_with("\r\n\r\nIdentity=a+b&Identity=c%26d&Flag=true"), "{seen}");
        assert!(seen.to_ascii_lowercase().contains("content-type: application/x-www-form-urlencoded"), "{seen}");
    }
{% endif %}

    #[test]
    fn query_pairs_are_added_as_reqwest_would_add_them() {
        let pairs = [("Identity", "a b+c&d=é".to_owned()), ("Order", "desc".to_owned())];
        let http = reqwest::Client::new();
        for url in [
            "https://example.com/v1/Things",
            "https://example.com/v1/Things?PageSize=50&Page=1",
            "https://example.com/v1/Things?",
            "https://example.com/v1/Things#top",
            "https://example.com/v1/Things?Page=1#top",
        ] {
            let ours = reqwest::Url::parse(&with_query(url, &pairs)).unwrap();
            let theirs = http.get(url).query(&pairs).build().unwrap();
            assert_eq!(ours.as_str(), theirs.url().as_str(), "{url}");
        }
        assert_eq!(with_query("https://example.com/a?b=1", &[]), "https://example.com/a?b=1");
    }

    #[tokio::test]
    async fn requests_name_the_crate_in_the_user_agent() {
        let seen = capture(Request::new(Method::GET, "/v1/Things".into())).await;
        let expected = format!("user-agent: {}/{} (rust)", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
        assert!(seen.to_ascii_lowercase().contains(&expected), "{seen}");
    }

{% if api.base_url.is_some() %}

    #[test]
    fn region_and_edge_build_the_host() {
        let base = "https://conversations.twilio.com";
        assert_eq!(regional_base_url(base, None, None), base);
        assert_eq!(regional_base_url(base, Some("ie1"), None), "https://conversations.ie1.twilio.com");
        assert_eq!(regional_base_url(base, None, Some("sydney")), "https://conversations.sydney.us1.twilio.com");
        assert_eq!(
            regional_base_url(base, Some("au1"), Some("sydney")),
            "https://conversations.sydney.au1.twilio.com"
        );
    }
{% endif %}

    #[test]
    fn backoff_grows_and_is_capped() {
        let policy = RetryPolicy::default();
        let first = policy.delay(1, None);
        assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(500));
        assert!(policy.delay(10, None) <= Duration::from_secs(10));
        assert_eq!(policy.delay(1, Some(Duration::from_secs(2))), Duration::from_secs(2));
        assert_eq!(policy.delay(1, Some(Duration::from_secs(60))), Duration::from_secs(10));
    }

    #[test]
    fn retry_after_takes_seconds_and_survives_any_value() {
        let parse = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
            retry_after(&headers)
        };
        assert_eq!(parse("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse(" 0.5 "), Some(Duration::from_millis(500)));
        for huge in ["1e30", "inf", "99999999999999999999999"] {
            assert_eq!(parse(huge), Some(Duration::MAX), "{huge}");
            assert_eq!(RetryPolicy::default().delay(1, parse(huge)), Duration::from_secs(10));
        }
        for ignored in ["-1", "NaN", "Wed, 21 Oct 2015 07:28:00 GMT", ""] {
            assert_eq!(parse(ignored), None, "{ignored}");
        }
    }
}
