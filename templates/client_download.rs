{# `Client`'s methods for answers that are files, included in its `impl`. #}
{% if api.has_downloads() %}
    {{ api.cfg(Need::Downloads) }}
    /// Sends a request whose answer is a file, and returns it unread.
    pub(crate) async fn download(&self, request: Request) -> Result<Response<crate::binary::Download>, Error> {
        let response = self.send_raw(&request).await?;
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        Ok(Response { status, headers, body: crate::binary::Download::new(response) })
    }

    /// Fetches a URL that needs no credentials, such as a short-lived signed
    /// link to a file: sent without the account's credentials, to whatever
    /// host it names, following redirects; never retried. A non-2xx answer
    /// is an [`Error::Api`].
    pub async fn download_url(&self, url: &str) -> Result<crate::binary::Download, Error> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(Error::Config("a download URL must start with https:// or http://".to_owned()));
        }
        let response = self.inner.http.get(url).send().await.map_err(Error::from_reqwest)?;
        let status = response.status();
        if !status.is_success() {
            let headers = response.headers().clone();
            let body = response.bytes().await.map_err(Error::from_reqwest)?;
            return Err(Error::Api(Box::new(ApiError::from_response(status, headers, &body))));
        }
        Ok(crate::binary::Download::new(response))
    }

{% endif %}
