//! API errors: a status, a stable code, and a message in Chinese with English. User errors say
//! what is wrong with which field; internal errors are logged and answered without detail.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tianping_auth::DenyReason;
use tianping_store::StoreError;
use utoipa::ToSchema;

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code.
    pub code: &'static str,
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
}

/// The JSON body of an error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code, e.g. `forbidden`, `bad_request`.
    pub code: String,
    /// Chinese message.
    pub message: String,
    /// English message.
    pub message_en: String,
}

/// A `中文 / English` message (our errors' Display) split in its two halves; the whole text for
/// both when it has no separator.
pub fn bilingual(text: &str) -> (&str, &str) {
    text.split_once("/ ")
        .map_or((text, text), |(zh, en)| (zh.trim_end(), en.trim()))
}

impl ApiError {
    /// Any error.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            code,
            message: zh.into(),
            message_en: en.into(),
        }
    }

    /// 400 naming the problem.
    pub fn bad_request(zh: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", zh, en)
    }

    /// A denied access.
    pub fn denied(reason: DenyReason) -> ApiError {
        let (status, code) = match reason {
            DenyReason::NotAuthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            DenyReason::RoleNotPermitted => (StatusCode::FORBIDDEN, "forbidden"),
            DenyReason::OutOfScope => (StatusCode::FORBIDDEN, "out_of_scope"),
            DenyReason::ReauthenticationRequired => {
                (StatusCode::FORBIDDEN, "reauthentication_required")
            }
        };
        let text = reason.to_string();
        let (zh, en) = bilingual(&text);
        ApiError::new(status, code, zh, en)
    }

    /// 404.
    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("未找到{what}"),
            format!("{what} not found"),
        )
    }

    /// 409.
    pub fn conflict(zh: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, "conflict", zh, en)
    }

    /// 401 after a failed login (the same for every cause, so accounts cannot be enumerated).
    pub fn login_failed() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "login_failed",
            "用户名、密码或动态口令错误，或账号已锁定",
            "wrong user name, password or one-time code, or the account is locked",
        )
    }

    /// 429.
    pub fn too_many_requests() -> ApiError {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "请求过于频繁，请稍后重试",
            "too many requests, retry later",
        )
    }

    /// 503, retryable.
    pub fn unavailable(zh: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", zh, en)
    }

    /// 500 after logging the cause (never sent to the client).
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(error = %crate::reqlog::safe(&cause), "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "服务器内部错误",
            "internal server error",
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        tracing::error!(error = %crate::reqlog::safe(&e), "store error");
        match e {
            StoreError::Database(_) => ApiError::unavailable(
                "数据库暂不可用，请稍后重试",
                "the database is unavailable, retry later",
            ),
            _ => ApiError::internal("store"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
                message_en: self.message_en,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS
            || self.status == StatusCode::SERVICE_UNAVAILABLE
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}
