"""Stripe webhook endpoint for the payment service."""

import logging
import os

import asyncpg
import stripe
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

logger = logging.getLogger(__name__)
router = APIRouter()

SECRET_FILE = os.environ.get("STRIPE_WEBHOOK_SECRET_FILE", "/vault/secrets/stripe")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://shop:shop@postgres:5432/payments")
HANDLED_EVENTS = {"payment_intent.succeeded": "paid", "payment_intent.payment_failed": "failed"}


def load_webhook_secret() -> str:
    # Read on every request so a rotated secret is picked up without a restart.
    with open(SECRET_FILE, encoding="utf-8") as f:
        return f.read().strip()


# INCIDENT-2026-03-20 payment-service-crashloop: webhook handler must return errors, never panic
@router.post("/webhooks/stripe")
async def stripe_webhook(request: Request) -> JSONResponse:
    payload = await request.body()
    signature = request.headers.get("Stripe-Signature", "")

    try:
        secret = load_webhook_secret()
    except OSError:
        # A 500 makes Stripe retry later, once the secret is mounted again.
        logger.exception("webhook secret not readable at %s", SECRET_FILE)
        return JSONResponse({"error": "webhook secret unavailable"}, status_code=500)

    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError:
        logger.warning("stripe webhook rejected: bad signature")
        return JSONResponse({"error": "invalid signature"}, status_code=400)
    except ValueError:
        logger.warning("stripe webhook rejected: payload is not valid JSON")
        return JSONResponse({"error": "invalid payload"}, status_code=400)

    status = HANDLED_EVENTS.get(event["type"])
    if status is None:
        return JSONResponse({"received": True, "ignored": event["type"]})

    intent = event["data"]["object"]
    order_id = intent["metadata"].get("order_id")
    try:
        conn = await asyncpg.connect(DATABASE_URL, timeout=5)
        try:
            await conn.execute(
                "UPDATE orders SET payment_status = $1, payment_intent_id = $2 WHERE id = $3",
                status, intent["id"], order_id,
            )
        finally:
            await conn.close()
    except (asyncpg.PostgresError, OSError):
        logger.exception("could not record %s for order %s", event["type"], order_id)
        return JSONResponse({"error": "processing failed"}, status_code=500)

    logger.info("recorded %s for order %s", event["type"], order_id)
    return JSONResponse({"received": True})
