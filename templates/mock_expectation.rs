{# The expectation types and their answers: part of mock.rs, inside its run. #}
/// The params type of an operation that has no params struct: its
/// expectations have no [`Expectation::when`].
#[derive(Debug)]
pub enum NoParams {}

/// The request body type of an operation that sends no JSON body: its
/// expectations have no [`Expectation::when_body`].
#[derive(Debug)]
pub enum NoJsonBody {}

/// The answer of an operation whose success is a JSON body of type `T`.
#[derive(Debug)]
pub struct Json<T>(PhantomData<fn() -> T>);

/// The answer of an operation whose success is a page of a list of `T`.
#[derive(Debug)]
pub struct List<T>(PhantomData<fn() -> T>);

/// The answer of an operation whose success has no body.
#[derive(Debug)]
pub enum NoBody {}
{% if api.has_downloads() %}

/// The answer of an operation whose success is a file: bytes of any type.
#[derive(Debug)]
pub enum Raw {}
{% endif %}
{% if api.has_uploads() %}

/// The body an operation that uploads a file was sent, as
/// [`Expectation::when_upload`] sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReceivedUpload {
    /// The `Content-Type` it came with.
    pub content_type: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl<P, R> Expectation<P, R, ReceivedUpload> {
    /// Matches only requests whose uploaded body (its content type and
    /// bytes) makes `predicate` true. It adds to any `when`: all must hold.
    pub fn when_upload(
        self,
        predicate: impl Fn(&ReceivedUpload) -> bool + Send + Sync + 'static,
    ) -> Self {
        let check: Predicate = Box::new(move |_, request| {
            let content_type = request
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            Ok(
                predicate(
                    &ReceivedUpload {
                        content_type,
                        bytes: request.body.clone(),
                    },
                ),
            )
        });
        self.edit(|entry| entry.when.push(check))
    }
}
{% endif %}

/// What one operation expects and how it answers; made by a mock handle's
/// method, e.g. `mock.<resource>().create()`.
///
/// It is in force as soon as it is made; each method changes it and returns
/// it, so a chain reads as one sentence. `P` is the operation's params struct
/// ([`NoParams`] without one); `R` says what a success carries ([`Json`],
/// [`List`] or [`NoBody`]), and so which `respond` there is; `B` is the type
/// of the JSON request body ([`NoJsonBody`] when the operation sends none).
pub struct Expectation<P, R, B = NoJsonBody> {
    mock: Arc<Shared>,
    index: usize,
    types: PhantomData<ExpectationTypes<P, R, B>>,
}

/// The types an [`Expectation`] is about, as a marker it holds none of.
type ExpectationTypes<P, R, B> = fn() -> (P, R, B);

impl<P, R, B> fmt::Debug for Expectation<P, R, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.mock.lock().entries[self.index].label();
        f.debug_tuple("Expectation").field(&label).finish()
    }
}

impl<P, R, B> Expectation<P, R, B> {
    {{ api.cfg(Need::Operations) }}
    pub(crate) fn new(
        mock: &Arc<Shared>,
        operation: &'static Operation,
        path: String,
    ) -> Self {
        let mut state = mock.lock();
        state
            .entries
            .push(Entry {
                operation,
                path,
                name: None,
                when: Vec::new(),
                first: VecDeque::new(),
                then: Answer::Example,
                min: 1,
                max: None,
                hits: 0,
            });
        let index = state.entries.len() - 1;
        Expectation {
            mock: Arc::clone(mock),
            index,
            types: PhantomData,
        }
    }

    fn edit(self, change: impl FnOnce(&mut Entry)) -> Self {
        change(&mut self.mock.lock().entries[self.index]);
        self
    }

    /// Expects exactly `n` requests (`0`: none; a request is then unexpected).
    pub fn times(self, n: usize) -> Self {
        self.edit(|entry| (entry.min, entry.max) = (n, Some(n)))
    }

    /// Expects `n` requests or more.
    pub fn at_least(self, n: usize) -> Self {
        self.edit(|entry| (entry.min, entry.max) = (n, None))
    }

    /// Names the expectation in the mock's reports (by default, the
    /// operation, method and path).
    pub fn named(self, name: impl Into<String>) -> Self {
        let name = name.into();
        self.edit(|entry| entry.name = Some(name))
    }

    /// Answers with the spec's example of the operation's success (the
    /// default); a 500 saying so when the spec has none.
    pub fn respond_example(self) -> Self {
        self.edit(|entry| entry.then = Answer::Example)
    }

    /// Answers `status` with a Twilio error body: `code`, `message`, a
    /// `more_info` link for the code, and `status`.
    pub fn respond_error(
        self,
        status: u16,
        code: i64,
        message: impl Into<String>,
    ) -> Self {
        let message = message.into();
        self.edit(|entry| {
            entry.then = Answer::Error {
                status,
                code,
                message,
            };
        })
    }

    /// Answers `status`: from 400 on, with the Twilio error body that goes with
    /// it (code `20000 + status`, as in 20404; for 404, a message naming the
    /// path); below, with no body.
    pub fn respond_status(self, status: u16) -> Self {
        self.edit(|entry| entry.then = Answer::Status(status))
    }

    /// Answers the next request 429, `Too Many Requests`, with `Retry-After`
    /// (in seconds, fractions kept), then as the rest of the chain says. Call
    /// it again for another 429 before the answer.
    pub fn respond_rate_limited(self, retry_after: Duration) -> Self {
        self.edit(|entry| entry.first.push_back(Answer::RateLimited(retry_after)))
    }
}

impl<P: DeserializeOwned, R, B> Expectation<P, R, B> {
    /// Matches only requests whose params, decoded into the operation's
    /// params struct, make `predicate` true. Several `when`s must all hold.
    ///
    /// A request whose params do not decode (a required one missing) does
    /// not match, and the 404 it gets says why.
    pub fn when(self, predicate: impl Fn(&P) -> bool + Send + Sync + 'static) -> Self {
        let check: Predicate = Box::new(move |params, _| match P::deserialize(params) {
            Ok(params) => Ok(predicate(&params)),
            Err(err) => Err(format!("its params do not decode: {err}")),
        });
        self.edit(|entry| entry.when.push(check))
    }
}

impl<P, R, B: DeserializeOwned> Expectation<P, R, B> {
    /// Matches only requests whose JSON body, decoded into the operation's
    /// body type, makes `predicate` true. It adds to any `when`: all must hold.
    ///
    /// A request whose body does not decode does not match, and the 404 it
    /// gets says why.
    pub fn when_body(
        self,
        predicate: impl Fn(&B) -> bool + Send + Sync + 'static,
    ) -> Self {
        let check: Predicate = Box::new(move |_, request| match serde_json::from_slice::<
            B,
        >(&request.body) {
            Ok(body) => Ok(predicate(&body)),
            Err(err) => Err(format!("its body does not decode: {err}")),
        });
        self.edit(|entry| entry.when.push(check))
    }
}

impl<P, T: Serialize, B> Expectation<P, Json<T>, B> {
    /// Answers with `value` as the body, with the operation's success status.
    pub fn respond(self, value: T) -> Self {
        let answer = Answer::body(&value);
        self.edit(|entry| entry.then = answer)
    }
}

impl<P, T: Serialize, B> Expectation<P, List<T>, B> {
    /// Answers with `items` as one page: the list's last.
    pub fn respond(self, items: impl IntoIterator<Item = T>) -> Self {
        self.respond_pages([items])
    }

    /// Answers with these pages: the first to the request, each later one
    /// to the request for the `next_page_url` of the one before, which
    /// points back at the mock. The page size is the first page's length.
    pub fn respond_pages<I: IntoIterator<Item = T>>(
        self,
        pages: impl IntoIterator<Item = I>,
    ) -> Self {
        let pages: Result<Vec<Vec<Value>>, _> = pages
            .into_iter()
            .map(|page| {
                page.into_iter().map(|item| serde_json::to_value(&item)).collect()
            })
            .collect();
        let answer = match pages {
            Ok(pages) => Answer::Pages(pages),
            Err(e) => Answer::Broken(format!("an item does not encode as JSON: {e}")),
        };
        self.edit(|entry| entry.then = answer)
    }
}

impl<P, B> Expectation<P, NoBody, B> {
    /// Answers with the operation's success status and no body.
    pub fn respond(self) -> Self {
        self.edit(|entry| entry.then = Answer::Empty)
    }
}
{% if api.has_downloads() %}

impl<P, B> Expectation<P, Raw, B> {
    /// Answers with `data` as the body, sent with `content_type`, with the
    /// operation's success status: a file's bytes.
    pub fn respond(self, content_type: &str, data: impl Into<Vec<u8>>) -> Self {
        let (content_type, data) = (content_type.to_owned(), data.into());
        self.edit(|entry| entry.then = Answer::Raw { content_type, data })
    }
}
{% endif %}

