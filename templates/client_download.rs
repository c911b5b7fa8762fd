{# `Client`'s methods for answers that are files, included in its `impl`. #}
{% if api.has_downloads() %}
    {{ api.cfg(Need::Downloads) }}
    /// Like `call`, for an answer that is a file, left unread.
    pub(crate) fn call_unread<T>(&self, request: Result<Request, Error>) -> Pending<T> {
        Pending::new(request.map(|request| self.start_unread(request)))
    }

    {{ api.cfg(Need::Downloads) }}
    fn start_unread(&self, request: Request) -> Sending<Answer> {
        let client = self.clone();
        Box::pin(async move {
            let response = client.send_raw(&request).await?;
            let (status, headers) = (
                response.status().as_u16(),
                response.headers().clone(),
            );
            Ok(Answer {
                status,
                headers,
                body: Body::Unread(response),
            })
        })
    }

    /// Fetches a URL that needs no credentials, such as a short-lived signed
    /// link to a file: sent without the account's credentials, to whatever
    /// host it names, following redirects; never retried. A non-2xx answer
    /// is an [`Error::Api`].
    {{ api.cfg(Need::Files) }}
    {{ api.doc_cfg(Need::Files) }}
    pub async fn download_url(
        &self,
        url: &str,
    ) -> Result<crate::binary::Download, Error> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(
                Error::Config(
                    "a download URL must start with https:// or http://".to_owned(),
                ),
            );
        }
        let response = self
            .inner
            .http
            .get(url)
            .send()
            .await
            .map_err(Error::from_reqwest)?;
        let status = response.status();
        if !status.is_success() {
            let headers = response.headers().clone();
            let body = read_body(response).await?;
            return Err(
                Error::Api(Box::new(ApiError::from_response(status, headers, &body))),
            );
        }
        Ok(crate::binary::Download::new(response))
    }

{% endif %}
