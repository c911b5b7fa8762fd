//! The future every operation returns ([`Pending`]), and what it can
//! resolve to ([`Outcome`]).
//!
//! An operation's methods only build its `Request`. Sending it (retries,
//! timeouts, tracing) is one future for the whole crate, not a state machine
//! per operation, and the answer is decoded by its result type
//! ([`Outcome`]), so an app compiles the decoding of the results it awaits
//! and no other.

//@final
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::client::Response;
use crate::error::Error;

/// A request being sent, its answer a `T`.
pub(crate) type Sending<T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>;

/// An operation on its way: `.await` it for the result.
///
/// The request is built when the method is called and sent when this future
/// is first polled. It borrows nothing, so it is `Send` and `'static`: it can
/// be spawned (`tokio::spawn(client.conversations().fetch("CH…"))`), stored
/// or joined with others. Dropping it before it completes cancels the
/// request. A request that cannot be built (a path argument that is empty,
/// say) fails on the first poll, with nothing sent.
#[must_use = "nothing is sent until the future is awaited"]
pub struct Pending<T> {
    state: State,
    result: PhantomData<fn() -> T>,
}

enum State {
    /// The request could not be built.
    Failed(Error),
    Sending(Sending<Answer>),
    Done,
}

impl<T> Pending<T> {
    /// Sends with `sending`, or fails with the error that kept the request
    /// from being built.
    pub(crate) fn new(sending: Result<Sending<Answer>, Error>) -> Self {
        let state = match sending {
            Ok(sending) => State::Sending(sending),
            Err(err) => State::Failed(err),
        };
        Pending {
            state,
            result: PhantomData,
        }
    }
}

impl State {
    /// The answer, once it is there.
    fn poll_answer(&mut self, cx: &mut Context<'_>) -> Poll<Result<Answer, Error>> {
        match std::mem::replace(self, State::Done) {
            State::Failed(err) => Poll::Ready(Err(err)),
            State::Sending(mut sending) => {
                let answer = sending.as_mut().poll(cx);
                if answer.is_pending() {
                    *self = State::Sending(sending);
                }
                answer
            }
            State::Done => panic!("`Pending` polled after it completed"),
        }
    }
}

impl<T: Outcome> Future for Pending<T> {
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.get_mut()
            .state
            .poll_answer(cx)
            .map(|answer| answer.and_then(T::from_answer))
    }
}

impl<T> fmt::Debug for Pending<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Failed(_) => "failed",
            State::Sending(_) => "sending",
            State::Done => "done",
        };
        f.debug_struct("Pending").field("state", &state).finish()
    }
}

/// A successful answer, as the operation asked for it: what an
/// [`Outcome`] is made from. Only this crate makes one.
#[doc(hidden)]
pub struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Body,
}

/// What was done with the body of an answer.
pub(crate) enum Body {
    /// Read whole, to be decoded.
    Read(Vec<u8>),
{% if api.has_empty_responses() %}
    /// Not read: the operation has no result but its success.
    {{ api.cfg(Need::EmptyResponses) }}
    Ignored,
{% endif %}
{% if api.has_downloads() %}
    /// Left unread, a file for the caller to read.
    {{ api.cfg(Need::Downloads) }}
    Unread(reqwest::Response),
{% endif %}
}

/// What a [`Pending`] future can resolve to: the type of a JSON body (a
/// model, a [`Page`](crate::Page), `()` for none){% if api.has_downloads() %}, a [`Download`](crate::Download){% endif %},
/// and each of those in a [`Response`].
///
/// The trait is sealed: it is implemented for those types and no others,
/// and only this crate can add one.
pub trait Outcome: Sized + sealed::Sealed {
    /// Makes the result from the answer.
    #[doc(hidden)]
    fn from_answer(answer: Answer) -> Result<Self, Error>;
}

mod sealed {
    /// Keeps [`Outcome`](super::Outcome) to the types this crate gives it.
    pub trait Sealed {}

    impl<T: serde::de::DeserializeOwned> Sealed for T {}
    impl<T: Sealed> Sealed for crate::client::Response<T> {}
{% if api.has_downloads() %}
    {{ api.cfg(Need::Downloads) }}
    impl Sealed for crate::binary::Download {}
{% endif %}
}

impl<T: DeserializeOwned> Outcome for T {
    fn from_answer(answer: Answer) -> Result<T, Error> {
        let status = answer.status;
        match answer.body {
            Body::Read(bytes) => {
                serde_json::from_slice(&bytes)
                    .map_err(|err| Error::decode(status, &bytes, err))
            }
{% if api.has_empty_responses() %}
            {{ api.cfg(Need::EmptyResponses) }}
            Body::Ignored => {
                T::deserialize(serde::de::value::UnitDeserializer::new())
                    .map_err(|err| Error::decode(status, &[], err))
            }
{% endif %}
{% if api.has_downloads() %}
            {{ api.cfg(Need::Downloads) }}
            Body::Unread(_) => Err(not_json(status)),
{% endif %}
        }
    }
}

impl<T: Outcome> Outcome for Response<T> {
    fn from_answer(answer: Answer) -> Result<Response<T>, Error> {
        let (status, headers) = (answer.status, answer.headers.clone());
        let body = T::from_answer(answer)?;
        Ok(Response { status, headers, body })
    }
}
{% if api.has_downloads() %}

{{ api.cfg(Need::Downloads) }}
impl Outcome for crate::binary::Download {
    fn from_answer(answer: Answer) -> Result<Self, Error> {
        match answer.body {
            Body::Unread(response) => Ok(crate::binary::Download::new(response)),
            _ => Err(not_json(answer.status)),
        }
    }
}

/// An answer read the other way than its result type takes it, which the
/// generated operations never ask for.
{{ api.cfg(Need::Downloads) }}
fn not_json(status: u16) -> Error {
    Error::decode(
        status,
        &[],
        serde::de::Error::custom(
            "the answer was not read the way its result type takes it",
        ),
    )
}
{% endif %}
//@end
