# Build stage: the release binary, with the dependency layer cached apart from the code.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates crates
COPY migrations migrations
RUN cargo build --release --locked --bin claimgraph

# Run stage: the binary alone on a slim base; the database lives on a volume.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /data claimgraph \
 && mkdir -p /data && chown claimgraph /data
COPY --from=build /src/target/release/claimgraph /usr/local/bin/claimgraph
USER claimgraph
# 0.0.0.0 is not loopback: serve needs CLAIMGRAPH_API_TOKEN (docker run -e ...) or
# --allow-anonymous-writes
ENV CLAIMGRAPH_DB=/data/claimgraph.db \
    CLAIMGRAPH_ADDR=0.0.0.0:8080
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["claimgraph"]
CMD ["serve"]
