/** Chat channels (Slack, Teams, Discord, Google Chat, Mattermost): each one's message shape, Markdown dialect and refusals. */
package io.sitrep.notification.chat;
