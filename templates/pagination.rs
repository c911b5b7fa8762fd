//! Pages of a list, and streams that follow them.

//@final
{% if api.has_lists() %}
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};
{% endif %}
use std::fmt;

{% if api.has_lists() %}
use futures_core::Stream;
{% endif %}
use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::client::{Client, Request};
{% if api.has_lists() %}
{{ api.cfg(Need::Lists) }}
use crate::client::Response;
{{ api.cfg(Need::Lists) }}
use crate::pending::Pending;
{% endif %}
use crate::error::Error;
use crate::wire::{Fields, StructVisitor};

/// Where a page sits in a list, as Twilio's `meta` object describes it.
///
/// `Debug` prints its URLs with their query values redacted, as they can
/// be personal data (`Identity=alice`); the fields hold them whole.
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageMeta {
    /// The URL of the first page.
    pub first_page_url: Option<String>,
    /// The JSON key that holds the items, e.g. `conversations`.
    pub key: Option<String>,
    /// The URL of the next page; `None` on the last page.
    pub next_page_url: Option<String>,
    /// The index of this page, from zero.
    pub page: Option<i64>,
    /// How many items a page holds at most.
    pub page_size: Option<i64>,
    /// The URL of the previous page; `None` on the first page.
    pub previous_page_url: Option<String>,
    /// The URL of this page.
    pub url: Option<String>,
}

impl fmt::Debug for PageMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::redact::RedactedUrl;
        f.debug_struct("PageMeta")
            .field("first_page_url", &RedactedUrl(&self.first_page_url))
            .field("key", &self.key)
            .field("next_page_url", &RedactedUrl(&self.next_page_url))
            .field("page", &self.page)
            .field("page_size", &self.page_size)
            .field("previous_page_url", &RedactedUrl(&self.previous_page_url))
            .field("url", &RedactedUrl(&self.url))
            .finish()
    }
}

const PAGE_META_FIELDS: &[&str] = &[
    "first_page_url",
    "key",
    "next_page_url",
    "page",
    "page_size",
    "previous_page_url",
    "url",
];

impl Serialize for PageMeta {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("PageMeta", PAGE_META_FIELDS.len())?;
        out.serialize_field("first_page_url", &self.first_page_url)?;
        out.serialize_field("key", &self.key)?;
        out.serialize_field("next_page_url", &self.next_page_url)?;
        out.serialize_field("page", &self.page)?;
        out.serialize_field("page_size", &self.page_size)?;
        out.serialize_field("previous_page_url", &self.previous_page_url)?;
        out.serialize_field("url", &self.url)?;
        out.end()
    }
}

/// Every field may be missing (or `null`): it is then `None`.
impl<'de> Deserialize<'de> for PageMeta {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_struct(
                "PageMeta",
                PAGE_META_FIELDS,
                StructVisitor::<Self>::new(),
            )
    }
}

impl<'de> Visitor<'de> for StructVisitor<PageMeta> {
    type Value = PageMeta;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct PageMeta")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PageMeta, A::Error> {
        Ok(PageMeta {
            first_page_url: seq.next_element()?.unwrap_or_default(),
            key: seq.next_element()?.unwrap_or_default(),
            next_page_url: seq.next_element()?.unwrap_or_default(),
            page: seq.next_element()?.unwrap_or_default(),
            page_size: seq.next_element()?.unwrap_or_default(),
            previous_page_url: seq.next_element()?.unwrap_or_default(),
            url: seq.next_element()?.unwrap_or_default(),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageMeta, A::Error> {
        let mut meta = PageMeta::default();
        let mut fields = Fields::new(PAGE_META_FIELDS);
        while let Some(index) = fields.next(&mut map)? {
            match index {
                0 => meta.first_page_url = map.next_value()?,
                1 => meta.key = map.next_value()?,
                2 => meta.next_page_url = map.next_value()?,
                3 => meta.page = map.next_value()?,
                4 => meta.page_size = map.next_value()?,
                5 => meta.previous_page_url = map.next_value()?,
                _ => meta.url = map.next_value()?,
            }
        }
        Ok(meta)
    }
}

impl PageMeta {
    /// The next page's URL; Twilio's last page has `null` or `""`.
    fn next_url(&self) -> Option<&str> {
        self.next_page_url.as_deref().filter(|url| !url.is_empty())
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// Where this page sits in the list.
    pub meta: PageMeta,
}

impl<T> Page<T> {
    /// The URL of the next page, if there is one.
    pub fn next_page_url(&self) -> Option<&str> {
        self.meta.next_url()
    }
}

impl<T: DeserializeOwned> Page<T> {
    /// Fetches the page at `url` (as given in [`PageMeta`]). Only its path and
    /// query are used: the request goes to the client's configured host.
    pub async fn fetch(client: &Client, url: &str) -> Result<Page<T>, Error> {
        let request = Request::new(reqwest::Method::GET, url.to_owned())
            .operation("FetchPage", "{page_url}");
        client.call(Ok(request)).await
    }

    /// Fetches the page after this one, or `None` on the last page; for
    /// paging by hand (a "load more" button). `stream` does this for you.
    pub async fn next_page(&self, client: &Client) -> Result<Option<Page<T>>, Error> {
        match self.next_page_url() {
            Some(url) => Page::fetch(client, url).await.map(Some),
            None => Ok(None),
        }
    }
}

/// Decodes Twilio's envelope `{"<key>": [...], "meta": {...}}`, whatever the key.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawPage::deserialize(deserializer)?;
        let items = raw
            .items
            .into_iter()
            .map(T::deserialize)
            .collect::<Result<Vec<T>, _>>()
            .map_err(serde::de::Error::custom)?;
        Ok(Page { items, meta: raw.meta })
    }
}

/// A page whose items are not decoded yet. Everything about paging that does
/// not depend on the item type lives here, so it is compiled once, not once
/// per list.
struct RawPage {
    items: Vec<serde_json::Value>,
    meta: PageMeta,
}

impl<'de> Deserialize<'de> for RawPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawPageVisitor;

        impl<'de> Visitor<'de> for RawPageVisitor {
            type Value = RawPage;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list page with `meta` and one array of items")
            }

            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawPage, A::Error> {
                let mut meta: Option<PageMeta> = None;
                let mut arrays: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "meta" {
                        meta = Some(map.next_value()?);
                    } else if let serde_json::Value::Array(items) = map.next_value()? {
                        arrays.push((key, items));
                    }
                }
                let meta = meta.ok_or_else(|| serde::de::Error::missing_field("meta"))?;
                let chosen = match &meta.key {
                    Some(key) => arrays.iter().position(|(k, _)| k == key),
                    None => (arrays.len() == 1).then_some(0),
                };
                let Some(index) = chosen else {
                    return Err(
                        serde::de::Error::custom(
                            "the page has no array of items under `meta.key`",
                        ),
                    );
                };
                let (_, items) = arrays.swap_remove(index);
                Ok(RawPage { items, meta })
            }
        }

        deserializer.deserialize_map(RawPageVisitor)
    }
}

{% if api.has_lists() %}
/// Every item of a list, as a [`Stream`] that fetches pages lazily.
///
/// Nothing is fetched until the stream is polled; a page is fetched only when
/// the previous one is used up; dropping the stream stops all work. It is
/// `Unpin`, so `StreamExt::next` works on it directly, and it owns everything
/// it needs (`'static`), so it can be moved into a spawned task.
///
/// Items are decoded one at a time as they are read: an item that does not
/// decode is yielded as [`Error::Decode`] with that item's JSON, and the
/// stream goes on with the next one. A failed page request is yielded once
/// and ends the stream.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<T> {
    pages: Pin<Box<dyn Stream<Item = Result<RawItem, Error>> + Send>>,
    item: PhantomData<fn() -> T>,
}

/// An item of a fetched page, not decoded yet, with its page's status.
struct RawItem {
    status: u16,
    value: serde_json::Value,
}

impl RawItem {
    /// The item as a `T`; one that does not fit is a decode error that keeps
    /// the item's JSON.
    fn decode<T: DeserializeOwned>(self) -> Result<T, Error> {
        T::deserialize(&self.value)
            .map_err(|err| {
                let json = self.value.to_string();
                Error::decode(self.status, json.as_bytes(), err)
            })
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream").finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned> ItemStream<T> {
    /// The next item, fetching the next page when this one is used up;
    /// `None` after the last item. (`futures::StreamExt` offers the same and
    /// more, such as `take` and `try_collect`.)
    pub async fn next(&mut self) -> Option<Result<T, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<T: DeserializeOwned> Stream for ItemStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Self::Item>> {
        self.pages.as_mut().poll_next(cx).map(|next| next.map(|raw| raw?.decode()))
    }
}

{{ api.cfg(Need::Lists) }}
/// Streams the items of the list that `first` requests, following `next_page_url`.
///
/// A request that could not be built (`first` is an error) yields that error
/// as the stream's only item. Only the final decoding of each item depends on
/// `T`; the paging itself is compiled once for every list.
pub(crate) fn stream_items<T>(
    client: Client,
    first: Result<Request, Error>,
) -> ItemStream<T> {
    ItemStream {
        pages: raw_items(client, first),
        item: PhantomData,
    }
}

{{ api.cfg(Need::Lists) }}
fn raw_items(
    client: Client,
    first: Result<Request, Error>,
) -> Pin<Box<dyn Stream<Item = Result<RawItem, Error>> + Send>> {
    Box::pin(Pages {
        client,
        status: 0,
        buffer: Vec::new().into_iter(),
        next: Next::Request(first),
        first: Request::new(reqwest::Method::GET, String::new()),
        fetching: None,
    })
}

{{ api.cfg(Need::Lists) }}
/// The pages of a list as a stream of their items, fetched one page at a
/// time. A hand-written state machine rather than an `async` block, which
/// the crate would compile with the stream adapters around it.
struct Pages {
    client: Client,
    /// The status of the page the buffered items came in.
    status: u16,
    buffer: std::vec::IntoIter<serde_json::Value>,
    next: Next,
    /// The first page's request, whose operation later pages repeat.
    first: Request,
    /// The page being fetched.
    fetching: Option<Pending<Response<RawPage>>>,
}

{{ api.cfg(Need::Lists) }}
/// What [`Pages`] fetches once its buffered items are used up.
enum Next {
    Request(Result<Request, Error>),
    Url(String),
    Done,
}

{{ api.cfg(Need::Lists) }}
impl Stream for Pages {
    type Item = Result<RawItem, Error>;

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Self::Item>> {
        let pages = &mut *self;
        loop {
            if let Some(value) = pages.buffer.next() {
                let item = RawItem {
                    status: pages.status,
                    value,
                };
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(fetching) = &mut pages.fetching {
                let Poll::Ready(answer) = Pin::new(fetching).poll(cx) else {
                    return Poll::Pending;
                };
                pages.fetching = None;
                match answer {
                    Ok(Response { status, body: page, .. }) => {
                        if let Some(url) = page.meta.next_url() {
                            pages.next = Next::Url(url.to_owned());
                        }
                        pages.status = status;
                        pages.buffer = page.items.into_iter();
                        continue;
                    }
                    Err(err) => return Poll::Ready(Some(Err(err))),
                }
            }
            let request = match std::mem::replace(&mut pages.next, Next::Done) {
                Next::Done => return Poll::Ready(None),
                Next::Request(Ok(request)) => {
                    pages.first = request.clone();
                    request
                }
                Next::Request(Err(err)) => return Poll::Ready(Some(Err(err))),
                Next::Url(url) => pages.first.at_url(url),
            };
            pages.fetching = Some(pages.client.call(Ok(request)));
        }
    }
}
{% endif %}
//@end
