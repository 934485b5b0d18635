"""Open311 GeoReport v2 against the local stack with real clients from PyPI.

`georeport` reads services, definitions and requests in JSON and in XML
(through xmltodict); `civicbot` checks a request against the service
definition, POSTs it with the partner's key and reads it back. Every XML
answer is also parsed by the standard library's parser.

    pip install --target target/open311-py -r tests/open311/requirements.txt
    PYTHONPATH=target/open311-py BASE_URL=http://127.0.0.1:8799 python3 tests/open311/client_test.py

Prints `open311 client: N passed, N failed` and exits non-zero on a failure.
"""
import json
import os
import sys
import unittest
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET

import civicbot
from civicbot import Endpoint, HttpError, Open311Client, ValidationError
from georeport import GeoReport

BASE_URL = os.environ.get("BASE_URL", "").rstrip("/")
ROOT = f"{BASE_URL}/open311/v2"
KEY = "open311-demo-key"  # the demo partner's key (xtask/src/hotline_demo.rs)
PHONE = "13911112222"
JURISDICTION = "shifan.example.gov.cn"  # ignored: one jurisdiction


def reader(fmt):
    return GeoReport(ROOT, jurisdiction=JURISDICTION, output_format=fmt)


def writer():
    endpoint = Endpoint(id="shifan", name="示范县县长公开电话", base_url=ROOT, write=True)
    return Open311Client(endpoint, jurisdiction_id=JURISDICTION)


def raw(path):
    with urllib.request.urlopen(f"{ROOT}/{path}") as res:
        return res.headers.get("Content-Type"), res.read().decode("utf-8")


def post_request(description, **extra):
    prepared = writer().create_request(
        "noise", dry_run=False, confirm="SEND", api_key=KEY, validate_remote=True,
        address_string="城关镇文化路7号", description=description, first_name="晓红", last_name="赵",
        phone=PHONE, email="zhao@example.cn", attributes={"kind": "complaint", "urgency": "urgent"}, **extra)
    assert isinstance(prepared.response, list) and len(prepared.response) == 1, prepared.response
    return prepared.response[0]


class Services(unittest.TestCase):
    def test_the_service_list_in_json_and_xml(self):
        services = reader("json").get_service_list()
        noise = next(s for s in services if s["service_code"] == "noise")
        self.assertEqual((noise["service_name"], noise["group"], noise["metadata"], noise["type"]), ("噪音扰民", "生态环境", True, "realtime"))
        from_xml = reader("xml").get_service_list()
        self.assertEqual([s["service_code"] for s in from_xml], [s["service_code"] for s in services])
        self.assertEqual(next(s for s in from_xml if s["service_code"] == "noise")["metadata"], "true")

    def test_the_definition_in_json_and_xml(self):
        definition = reader("json").get_service_definition("noise")
        kind, urgency = definition["attributes"][:2]
        self.assertEqual((kind["code"], kind["datatype"], kind["required"]), ("kind", "singlevaluelist", True))
        self.assertIn({"key": "complaint", "name": "投诉"}, kind["values"])
        self.assertEqual([v["key"] for v in urgency["values"]], ["normal", "urgent", "critical"])
        from_xml = reader("xml").get_service_definition("noise")
        attributes = from_xml["attributes"]["attribute"]
        self.assertEqual(attributes[0]["code"], "kind")
        self.assertEqual([v["name"] for v in attributes[1]["values"]["value"]], ["一般", "紧急", "特急"])

    def test_every_xml_answer_is_well_formed_utf8(self):
        for path in ["discovery.xml", "services.xml", "services/noise.xml", "requests.xml?page_size=20", "requests.xml?status=pending", "tokens/1.xml"]:
            try:
                content_type, text = raw(path)
            except urllib.error.HTTPError as e:
                content_type, text = e.headers.get("Content-Type"), e.read().decode("utf-8")
            self.assertEqual(content_type, "text/xml; charset=utf-8", path)
            self.assertTrue(text.startswith('<?xml version="1.0" encoding="UTF-8"?>'), path)
            ET.fromstring(text.encode("utf-8"))


class Requests(unittest.TestCase):
    def test_a_request_posted_by_a_client_reads_back_without_the_caller(self):
        posted = post_request("晚上广场舞音响声音太大，十点以后还在放，影响老人孩子休息。")
        no = posted["service_request_id"]
        self.assertTrue(no.startswith("RX"), posted)
        self.assertEqual(posted["service_notice"], "我们将在当日答复")
        for fmt in ["json", "xml"]:
            r = reader(fmt).get_service_request(no)
            self.assertEqual((r["service_request_id"], r["status"], r["service_code"]), (no, "open", "noise"))
            self.assertEqual(r["address"], "城关镇文化路****")
            self.assertTrue(r["requested_datetime"].endswith("+08:00"))
            text = json.dumps(r, ensure_ascii=False)
            for secret in [PHONE, "赵晓红", "晓红", "zhao@example.cn"]:
                self.assertNotIn(secret, text)
        found = writer().list_requests(service_request_ids=[no])
        self.assertEqual([r["service_request_id"] for r in found], [no])
        self.assertEqual(writer().get_request(no)["service_name"], "噪音扰民")

    def test_the_client_checks_attributes_against_the_definition(self):
        with self.assertRaises(ValidationError):
            writer().create_request("noise", dry_run=False, confirm="SEND", api_key=KEY, validate_remote=True,
                                    address_string="城关镇", description="测试一下属性校验", phone=PHONE,
                                    attributes={"kind": "rant"})
        with self.assertRaises(ValidationError):
            writer().create_request("noise", dry_run=False, confirm="SEND", api_key=KEY, validate_remote=True,
                                    address_string="城关镇", description="缺少必填的诉求类型", phone=PHONE)

    def test_the_server_refuses_a_wrong_key_and_bad_values_in_the_error_list(self):
        client = writer()
        prepared = client.build_request("noise", address_string="城关镇", description="钥匙不对的提交", phone=PHONE,
                                        attributes={"kind": "help"}, api_key="wrong-key")
        for form, status in [(prepared.form, 403), ({**prepared.form, "api_key": KEY, "attribute[kind]": "rant"}, 400),
                             ({**prepared.form, "api_key": KEY, "service_code": "nope"}, 400)]:
            with self.assertRaises(HttpError) as caught:
                client.http.post_form(prepared.url, form)
            self.assertEqual(caught.exception.status, status)
            errors = json.loads(caught.exception.body)
            self.assertEqual(errors[0]["code"], status)
            self.assertTrue(errors[0]["description"])

    def test_filters_and_pages(self):
        start, end = "2026-09-01T00:00:00+08:00", "2026-11-25T00:00:00+08:00"
        closed = reader("json").get_service_requests(status="closed", start_date=start, end_date=end, service_code="water,heating,road")
        self.assertTrue(closed)
        self.assertTrue(all(r["status"] == "closed" and r["service_code"] in ("water", "heating", "road") for r in closed))
        from_xml = reader("xml").get_service_requests(status="closed", start_date=start, end_date=end, service_code="water,heating,road")
        self.assertEqual([r["service_request_id"] for r in from_xml], [r["service_request_id"] for r in closed])
        client = writer()
        page_one = client.list_requests(start_date=start, end_date=end, page_size=5)
        page_two = client.http.get_json(f"{ROOT}/requests.json", {"start_date": start, "end_date": end, "page_size": 5, "page": 2})
        self.assertEqual(len(page_one), 5)
        self.assertFalse({r["service_request_id"] for r in page_one} & {r["service_request_id"] for r in page_two})

    def test_a_retry_with_the_same_idempotency_key_is_one_request(self):
        client = writer()
        prepared = client.build_request("noise", address_string="城关镇建设路3号", description="同一诉求重试两次", phone=PHONE,
                                        attributes={"kind": "help"}, api_key=KEY)
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        first = client.http.post_form(prepared.url, prepared.form, headers=headers)
        again = client.http.post_form(prepared.url, prepared.form, headers=headers)
        self.assertEqual(first[0]["service_request_id"], again[0]["service_request_id"])


if __name__ == "__main__":
    if not BASE_URL:
        sys.exit("BASE_URL is not set (the local stack, e.g. http://127.0.0.1:8799)")
    print(f"civicbot {civicbot.__version__}, georeport from {GeoReport.__module__}, against {ROOT}")
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"open311 client: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed or not result.wasSuccessful() else 0)
