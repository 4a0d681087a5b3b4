from setuptools import find_packages, setup
import os

VERSION = "0.1"


def get_long_description():
    with open(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.md"),
        encoding="utf8",
    ) as fp:
        return fp.read()


setup(
    name="datasette-discrepancy",
    description="Line up the competing figures that news outlets print for the same thing",
    long_description=get_long_description(),
    long_description_content_type="text/markdown",
    version=VERSION,
    license="Apache License, Version 2.0",
    packages=find_packages(include=["datasette_discrepancy", "datasette_discrepancy.*"]),
    package_data={"datasette_discrepancy": ["templates/*.html", "static/**/*"]},
    entry_points={"datasette": ["discrepancy = datasette_discrepancy"]},
    install_requires=["datasette>=0.65", "sqlite-utils>=4.2", "click"],
    extras_require={
        "test": ["pytest", "pytest-asyncio", "hypothesis", "playwright"],
        "browser": ["playwright"],
    },
    python_requires=">=3.9",
)
