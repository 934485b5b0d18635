-- An applicant's cases by their identity number or credit code: the office
-- exports everything held about one applicant on request (个人信息保护法
-- art. 45; POST /api/office/applicant-data) without reading every case.
CREATE INDEX case_by_id_number ON case_record (id_number, submitted_at);
