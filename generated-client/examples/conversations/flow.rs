//! The flow itself (see `main.rs`).

use std::time::Duration;

use futures_util::StreamExt;
use twilio_conversations::*;

/// Runs the flow against the API `TWILIO_BASE_URL` names (Twilio's by default).
pub async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = ClientBuilder::from_env()?
        .timeout(Duration::from_secs(20))
        .retry_policy(RetryPolicy::default().max_attempts(4));
    if let Ok(url) = std::env::var("TWILIO_BASE_URL") {
        builder = builder.base_url(url);
    }
    let client = builder.build()?;
    let sms_from = std::env::var("TWILIO_SMS_FROM").unwrap_or_else(|_| "+15005550001".into());
    let sms_to = std::env::var("TWILIO_SMS_TO").unwrap_or_else(|_| "+15005550006".into());

    // 1. A conversation in the account's default service.
    let conversations = client.conversations();
    let created = conversations
        .create(
            &CreateConversationParams::new()
                .friendly_name("Rust SDK example")
                .attributes(r#"{"ticket":4711}"#)
                .timers_inactive("PT5M"),
        )
        .await?;
    let sid = created.sid.clone().unwrap_or_default();
    println!("created conversation {sid} ({:?})", created.state);

    // 2. Participants: one on chat (by identity), one on SMS (by address).
    let participants = conversations.participants(&sid);
    let agent = participants
        .create(&CreateConversationParticipantParams::new().identity("agent-alice"))
        .await?;
    println!("added chat participant {:?}", agent.identity);
    let customer = participants
        .create(
            &CreateConversationParticipantParams::new()
                .messaging_binding_address(sms_to.as_str())
                .messaging_binding_proxy_address(sms_from.as_str()),
        )
        .await?;
    println!("added SMS participant {:?}", customer.sid);

    // 3. A message from the agent.
    let messages = conversations.messages(&sid);
    let message = messages
        .create(
            &CreateConversationMessageParams::new()
                .author("agent-alice")
                .body("Hi! Your ticket is open; we will answer within the hour."),
        )
        .await?;
    let message_sid = message.sid.clone().unwrap_or_default();
    println!("posted message #{:?}", message.index);

    // 4. The history, newest first; `take` stops fetching after ten.
    let mut history = messages
        .stream(
            &ListConversationMessageParams::new()
                .order(OrderType::Desc)
                .page_size(10),
        )
        .take(10);
    while let Some(message) = history.next().await {
        let message = message?;
        println!("history: {:?} {:?}", message.author, message.body);
    }

    // 5. How far the message got on the SMS side.
    let receipts = messages
        .receipts(&message_sid)
        .list(&ListConversationMessageReceiptParams::new())
        .await?;
    for receipt in &receipts.items {
        println!("receipt {:?}: {:?}", receipt.sid, receipt.status);
    }

    // 6. A file: uploaded from disk (streamed, never read whole) to the
    // conversation's service, sent in a message by its SID, then downloaded
    // to disk again.
    let chat_service_sid = created.chat_service_sid.clone().unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("twilio-conversations-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let invoice = dir.join("invoice.pdf");
    std::fs::write(&invoice, b"%PDF-1.7\n% an invoice for ticket 4711\n")?;
    let files = client.services().media(&chat_service_sid);
    let uploaded = files.create(Upload::file(&invoice, "application/pdf").await?).await?;
    let media_sid = uploaded.sid.clone().unwrap_or_default();
    let with_file = messages
        .create(
            &CreateConversationMessageParams::new()
                .author("agent-alice")
                .body("Here is your invoice.")
                .media_sid(media_sid.as_str()),
        )
        .await?;
    println!("sent file {media_sid} in message #{:?}", with_file.index);
    for item in with_file.media.iter().flatten() {
        println!("  the message's file {:?}: {:?}, {:?} bytes", item.sid, item.content_type, item.size);
    }
    let details = files.fetch(&media_sid).await?;
    let copy = dir.join("invoice-copy.pdf");
    let written = files.content(&media_sid).fetch().await?.save(&copy).await?;
    println!("downloaded {written} bytes of {:?} to {}", details.content_type, copy.display());
    std::fs::remove_dir_all(&dir)?;

    // 7. A webhook for this conversation's events. (A real app narrows them
    // with `.configuration_filters(["onMessageAdded"])`; Prism, which this
    // example runs against in CI, rejects every array form field.)
    let webhook = conversations
        .webhooks(&sid)
        .create(
            &CreateConversationScopedWebhookParams::new(ConversationScopedWebhookTarget::Webhook)
                .configuration_url("https://example.com/hooks/conversations")
                .configuration_method(ConversationScopedWebhookMethod::Post),
        )
        .await?;
    println!("webhook {:?} on {:?}", webhook.sid, webhook.target);

    // 8. The same inside a named Conversation Service.
    let service = client
        .services()
        .create(&CreateServiceParams::new("Rust SDK example service"))
        .await?;
    let service_sid = service.sid.clone().unwrap_or_default();
    let scoped = client.services().conversations(&service_sid);
    let in_service = scoped
        .create(&CreateServiceConversationParams::new().friendly_name("Inside a service"))
        .await?;
    let in_service_sid = in_service.sid.clone().unwrap_or_default();
    scoped
        .participants(&in_service_sid)
        .create(&CreateServiceConversationParticipantParams::new().identity("agent-alice"))
        .await?;
    scoped
        .messages(&in_service_sid)
        .create(
            &CreateServiceConversationMessageParams::new()
                .author("agent-alice")
                .body("Hello from a named service."),
        )
        .await?;
    println!("service {service_sid}: conversation {in_service_sid} with one message");

    // 9. Clean up, without triggering the service's webhooks.
    match conversations.fetch(&sid).await {
        Ok(fetched) => println!("fetched {:?}, created {:?}", fetched.sid, fetched.date_created),
        Err(Error::Api(err)) if err.status == 404 => println!("already gone: {err}"),
        Err(err) => return Err(err.into()),
    }
    conversations
        .delete(
            &sid,
            &DeleteConversationParams::new().x_twilio_webhook_enabled(WebhookEnabledType::False),
        )
        .await?;
    client.services().delete(&service_sid).await?;
    println!("deleted {sid} and service {service_sid}");
    Ok(())
}
