//! The parameter-settings area on both backends (SQLite always; PostgreSQL when
//! `TIANPING_TEST_PG_URL` is set, required under CI): settings appended with increasing ids and
//! read back whole, per rule and in (rule, parameter, effective date, id) order; the value in force
//! on a day resolved from what the store returns (default before the first setting, the setting on
//! its effective day, the later record on a tie); and the database refusing UPDATE and DELETE
//! (and TRUNCATE on PostgreSQL) past the store's API, and a setting without a reason.

use std::sync::Arc;

use tianping_detect::rules::{Source, resolve};
use tianping_detect::{Overrides, ParamDef, RuleVersion};
use tianping_store::Store;
use tianping_store::params::NewParamSetting;
use tianping_store_tests::{assert_refused, fresh_postgres, raw_sql};

const RULE: RuleVersion = RuleVersion {
    rule: "fake_orders.dense_block",
    effective_from: "2022-03-01",
    effective_to: None,
    legal_basis: &["《反不正当竞争法》第九条"],
    params: &[ParamDef {
        name: "density_threshold",
        default: 0.5,
        unit: "ratio",
        min: 0.0,
        max: 1.0,
        source: "ours",
        meaning_zh: "密度阈值",
    }],
};

fn new(value: f64, from: &str, reason: &str) -> NewParamSetting {
    NewParamSetting {
        rule: RULE.rule.into(),
        param: "density_threshold".into(),
        value,
        effective_from: from.into(),
        reason: reason.into(),
        set_by: "sysadmin".into(),
        recorded_at: "2026-11-30T09:00:00+08:00".into(),
    }
}

async fn story(s: Arc<dyn Store>, url: &str) {
    assert!(s.param_settings(None).await.unwrap().is_empty());
    let a = s
        .add_param_setting(&new(0.6, "2026-12-01", "杭市监〔2026〕12号：提高阈值"))
        .await
        .unwrap();
    let b = s
        .add_param_setting(&new(0.7, "2026-12-15", "专项整治期间"))
        .await
        .unwrap();
    // Recorded later, same effective day: the later record wins that day.
    let c = s
        .add_param_setting(&new(0.65, "2026-12-15", "更正：0.7 录入错误"))
        .await
        .unwrap();
    let other = s
        .add_param_setting(&NewParamSetting {
            rule: "price.raise".into(),
            param: "pct".into(),
            ..new(0.1, "2026-01-01", "x")
        })
        .await
        .unwrap();
    assert!(a.setting_id < b.setting_id && b.setting_id < c.setting_id);
    assert!(c.setting_id < other.setting_id);
    assert_eq!(
        a.setting,
        new(0.6, "2026-12-01", "杭市监〔2026〕12号：提高阈值")
    );

    let all = s.param_settings(None).await.unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[0].setting_id, a.setting_id, "ordered by rule first");
    let mine = s.param_settings(Some(RULE.rule)).await.unwrap();
    assert_eq!(
        mine.iter().map(|r| r.setting_id).collect::<Vec<_>>(),
        vec![a.setting_id, b.setting_id, c.setting_id]
    );
    assert!(
        s.param_settings(Some("nope.nope"))
            .await
            .unwrap()
            .is_empty()
    );

    // Resolution over what the store returns.
    let settings = tianping_service::params::as_settings(&mine);
    let at = |date: &str| {
        let r = resolve(&[&RULE], &settings, &Overrides::new(), date).unwrap();
        (r[0].params[0].value, r[0].params[0].source.clone())
    };
    assert_eq!(at("2026-11-30"), (0.5, Source::Default));
    assert_eq!(
        at("2026-12-01"),
        (
            0.6,
            Source::Setting {
                setting_id: a.setting_id,
                effective_from: "2026-12-01".into()
            }
        )
    );
    assert_eq!(at("2026-12-14").0, 0.6);
    assert_eq!(
        at("2026-12-15"),
        (
            0.65,
            Source::Setting {
                setting_id: c.setting_id,
                effective_from: "2026-12-15".into()
            }
        )
    );

    // The database itself refuses rewrites, removals and a setting without a reason.
    assert_refused(
        url,
        &[
            "UPDATE param_settings SET value = 0.9",
            "DELETE FROM param_settings",
        ],
        "param_settings is append-only",
    )
    .await;
    if !url.starts_with("sqlite:") {
        assert_refused(
            url,
            &["TRUNCATE param_settings"],
            "param_settings is append-only",
        )
        .await;
    }
    let blank = raw_sql(
        url,
        "INSERT INTO param_settings (rule, param, value, effective_from, reason, set_by, recorded_at)
         VALUES ('a.b', 'c', 1, '2026-01-01', '  ', 'x', 'y')",
    )
    .await;
    assert!(blank.is_err(), "a blank reason was stored");
    assert_eq!(s.param_settings(None).await.unwrap(), all);
}

#[tokio::test(flavor = "current_thread")]
async fn params_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_sqlite::SqliteStore::open(&path)
            .await
            .unwrap(),
    );
    story(store, &format!("sqlite:{}", path.display())).await;
}

#[tokio::test(flavor = "current_thread")]
async fn params_on_postgres() {
    let Some(url) = fresh_postgres().await else {
        return;
    };
    let store: Arc<dyn Store> = Arc::new(
        tianping_store_postgres::PostgresStore::open(&url)
            .await
            .unwrap(),
    );
    story(store, &url).await;
}
