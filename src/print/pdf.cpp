#include "print/pdf.hpp"

#include <stdexcept>

namespace amend::print {

namespace {

// A CSS string literal: quotes, backslashes and anything that could end the <style> escaped.
std::string css_string(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&' || u < 0x20 || u == 0x7f) {
            const char* hex = "0123456789abcdef";
            out += '\\';
            if (u >= 16) out += hex[u >> 4];
            out += hex[u & 15];
            out += ' ';
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// Chromium dates its PDFs by the clock ("/CreationDate (D:20261202...)"); the dates are set to
// 1980-01-01 in place, keeping every byte offset the PDF's cross-reference table holds.
void fix_dates(std::string& pdf) {
    for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
        std::string k = key;
        for (std::size_t at = pdf.find(k); at != std::string::npos; at = pdf.find(k, at + 1)) {
            std::size_t b = at + k.size(), e = pdf.find(')', b);
            if (e == std::string::npos) break;
            // Skia writes "YYYYMMDDHHmmSS+00'00'"; any other form is left as it is.
            const std::string fixed = "19800101000000+00'00'";
            if (e - b == fixed.size()) pdf.replace(b, fixed.size(), fixed);
        }
    }
}

}  // namespace

std::string with_print_rules(const std::string& html, const std::string& header) {
    std::string rules = "<style media=\"print\">\n@page{size:letter;margin:0.9in 0.85in 0.9in 0.85in;"
                        "@top-left{content:" + css_string(header) + ";font:9pt Georgia,serif;color:#333}"
                        "@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages);font:9pt Georgia,serif}}\n"
                        "</style>\n";
    std::size_t at = html.find("</head>");
    if (at == std::string::npos) return rules + html;
    return html.substr(0, at) + rules + html.substr(at);
}

std::vector<std::string> chromium_print_command(const std::string& chromium, const std::string& page, const std::string& pdf,
                                                const std::string& profile_dir) {
    return {chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--user-data-dir=" + profile_dir,
            "--no-pdf-header-footer",
            "--print-to-pdf=" + pdf,
            "file://" + page};
}

std::string with_fixed_dates(std::string pdf) {
    if (pdf.compare(0, 5, "%PDF-") != 0) throw std::runtime_error("pdf: the browser wrote no PDF");
    fix_dates(pdf);
    return pdf;
}

}  // namespace amend::print
