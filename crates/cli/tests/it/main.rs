//! End-to-end tests of the `tianping` binary. One binary:
mod support;

/// Every `tianping detect` anchors the audit log; a rechained rewrite is caught naming the row.
mod anchor;
/// `tianping cases assist | assist-receive | assist-answer | assist-reply` between two homes.
mod assist;
/// `tianping audit export | verify`.
mod audit;

/// `tianping alerts` and `tianping cases …`.
mod cases;
/// Exit codes, receipts as JSON, SQL output formats.
mod cli;
/// `tianping cluster`, `detect --cluster`, `sql --cluster` on loopback processes.
mod cluster;
/// SIGKILL at random points during ingest, 100 trials.
mod crash;
/// `tianping credit classify` and `tianping inspect draw | verify` on the small city.
mod credit;
/// `tianping departments load | list`.
mod departments;
/// `tianping evidence head | check | export | verify`.
mod evidence;
/// `tianping migrate`.
mod migrate;
/// `tianping notices …`.
mod notices;
/// `tianping rules`, `rules set | history`, and detect applying a stored setting.
mod rules;
/// SIGKILL of `tianping serve` at random points during 100 platform pushes.
mod serve_crash;
/// `fake_orders`' streaming alert through `tianping serve`: latency, honest traffic, restart.
mod stream;
/// `tianping blocks` and `tianping address normalize`.
mod tools;
