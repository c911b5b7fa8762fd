//! Credentials on the wire: the auth token, or an API key and its secret.

use twilio_conversations::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::*;

const API_KEY: &str = "SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const API_SECRET: &str = "key_s3cr3t";
/// `Basic base64("SKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb:key_s3cr3t")`, computed
/// independently with `echo -n ... | base64`.
const EXPECTED_KEY_AUTHORIZATION: &str =
    "Basic U0tiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYjprZXlfczNjcjN0";

async fn fetch_with(client: &Client, server: &MockServer) -> wiremock::Request {
    Mock::given(method("GET"))
        .and(path("/v1/Conversations/CH1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(conversation_json("CH1")))
        .mount(server)
        .await;
    client.conversations().fetch("CH1").await.expect("fetched");
    requests(server).await.pop().expect("one request")
}

#[tokio::test]
async fn the_auth_token_is_sent_with_the_account_sid() {
    let server = MockServer::start().await;
    let request = fetch_with(&client(&server), &server).await;
    assert_eq!(
        header(&request, "authorization"),
        Some(EXPECTED_AUTHORIZATION)
    );
}

#[tokio::test]
async fn an_api_key_replaces_the_auth_token_and_the_account_sid_stays_the_clients() {
    let server = MockServer::start().await;
    let client = Client::builder(ACCOUNT_SID, "")
        .api_key(API_KEY, API_SECRET)
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let request = fetch_with(&client, &server).await;
    assert_eq!(
        header(&request, "authorization"),
        Some(EXPECTED_KEY_AUTHORIZATION)
    );
    assert_eq!(client.account_sid(), ACCOUNT_SID);
}
