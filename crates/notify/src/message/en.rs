use super::{Block, Letter, Message, one_line as v};

const FOOTER: &str = "This email was sent from an address that cannot receive replies. You received it because of an action on your Mimi account.";
const SIGNATURE: &str = "— The Mimi team";

pub(super) fn letter(message: &Message) -> Letter {
    let (subject, greeting, blocks) = match message {
        Message::VerifyEmail { name, link } => (
            "Confirm your email address for Mimi".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(
                    "Thank you for signing up for Mimi. Please confirm your email address by opening the link below.",
                ),
                Block::link("Confirm my email address", link),
                Block::text("The link expires in 24 hours."),
                Block::text("If you did not sign up for Mimi, you can safely ignore this email."),
            ],
        ),
        Message::AlreadyRegistered {
            name,
            sign_in_link,
            reset_link,
        } => (
            "Someone tried to sign up with your email address".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(
                    "Someone, perhaps you, tried to create a new Mimi account with this email address. You already have an account with it, so no new account was created.",
                ),
                Block::text("If it was you, you can sign in to your existing account:"),
                Block::link("Sign in", sign_in_link),
                Block::text("If you have forgotten your password, you can choose a new one:"),
                Block::link("Reset my password", reset_link),
                Block::text(
                    "If it was not you, you can safely ignore this email. Nothing about your account has changed.",
                ),
            ],
        ),
        Message::PasswordReset { name, link } => (
            "Reset your Mimi password".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(
                    "We received a request to reset the password of your Mimi account. To choose a new password, open the link below.",
                ),
                Block::link("Reset my password", link),
                Block::text("The link expires in 1 hour and can be used only once."),
                Block::text(
                    "If you did not ask to reset your password, you can safely ignore this email. Your password will not change.",
                ),
            ],
        ),
        Message::PasswordChanged { name } => (
            "Your Mimi password was changed".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(
                    "The password of your Mimi account was just changed. If you made this change, there is nothing more to do.",
                ),
                Block::text(
                    "If you did not change your password, someone else may have access to your account. Please reset your password right away with “Forgot your password?” on the sign-in page.",
                ),
            ],
        ),
        Message::EmailChangeVerify {
            name,
            new_email,
            link,
        } => (
            "Confirm your new email address for Mimi".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(format!(
                    "You asked to change the sign-in email address of your Mimi account to {}. To confirm this new address, open the link below.",
                    v(new_email)
                )),
                Block::link("Confirm my new email address", link),
                Block::text("Until you confirm it, you keep signing in with your current address."),
                Block::text(
                    "If you did not ask for this change, you can safely ignore this email.",
                ),
            ],
        ),
        Message::EmailChangeNotice { name, new_email } => (
            "Your Mimi sign-in email address is being changed".to_owned(),
            Some(hello(name)),
            vec![
                Block::text(format!(
                    "We received a request to change the sign-in email address of your Mimi account to {}. The change takes effect once the new address is confirmed.",
                    v(new_email)
                )),
                Block::text("If you made this request, there is nothing more to do."),
                Block::text(
                    "If you did not, someone else may have access to your account. Please reset your password right away with “Forgot your password?” on the sign-in page.",
                ),
            ],
        ),
        Message::Invite {
            inviter_name,
            workspace_name,
            link,
        } => (
            format!(
                "{} invited you to {} on Mimi",
                v(inviter_name),
                v(workspace_name)
            ),
            Some("Hello,".to_owned()),
            vec![
                Block::text(format!(
                    "{} has invited you to join the workspace “{}” on Mimi. To accept the invitation, open the link below.",
                    v(inviter_name),
                    v(workspace_name)
                )),
                Block::link("Accept the invitation", link),
                Block::text("The invitation expires in 7 days."),
                Block::text(
                    "If you were not expecting this invitation, you can safely ignore this email.",
                ),
            ],
        ),
    };
    Letter {
        subject,
        greeting,
        blocks,
        footer: FOOTER,
        signature: SIGNATURE,
        colon: ":",
    }
}

fn hello(name: &str) -> String {
    match v(name) {
        name if name.is_empty() => "Hello,".to_owned(),
        name => format!("Hello {name},"),
    }
}
