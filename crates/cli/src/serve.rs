//! `tianping serve`: the HTTP API (`tianping-server`) over this home and store. Configuration
//! comes from `--config FILE` (TOML), then `TIANPING_*` environment variables, then the flags;
//! it is validated before anything listens (exit 2 naming the bad key). SIGINT or SIGTERM stop
//! the server after in-flight requests finish.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use tianping_server::ServerConfig;
use tianping_service::Home;
use tianping_store::Store;

/// Arguments of `tianping serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Configuration file (TOML; keys as in `tianping_server::config`).
    #[arg(long, env = "TIANPING_SERVER_CONFIG")]
    config: Option<PathBuf>,
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long)]
    bind: Option<String>,
}

/// Runs the server until a signal.
pub async fn serve(
    args: ServeArgs,
    home: Home,
    store: Arc<dyn Store>,
    database_url: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let toml = match &args.config {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => String::new(),
    };
    let mut env: Vec<(String, String)> = std::env::vars().collect();
    env.push(("TIANPING_HOME".into(), home.root().display().to_string()));
    if let Some(url) = database_url {
        env.push(("TIANPING_DATABASE_URL".into(), url.to_string()));
    }
    if let Some(bind) = args.bind {
        env.push(("TIANPING_BIND".into(), bind));
    }
    let config = match ServerConfig::load(&toml, env) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    eprintln!("天平服务监听 / listening on http://{}", config.bind);
    tianping_server::serve_with(config, home, store, tianping_server::shutdown_signal()).await?;
    Ok(ExitCode::SUCCESS)
}
